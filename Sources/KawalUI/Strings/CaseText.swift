import KawalDomain

/// Strings of the case workflow: refusals of the escalation policy, action names, roles,
/// closing reasons and the `kawal case`, `kawal letter`, `kawal officer` and `kawal holiday`
/// command lines. The TUI and the CLI both show refusals through `Strings.refusal(_:)`.
public enum CaseText: String, CatalogueKey {
    // Refusals
    case refusalUnknownOfficer
    case refusalRole
    case refusalCaseEnded
    case refusalNoHigherStage
    case refusalNoLowerStage
    case refusalSkipsStage
    case refusalWrongStage
    case refusalNotLowerStage
    case refusalPromisePending
    case refusalNeedsPersuasiveContact
    case refusalNeedsLetter
    case refusalTooEarlyWarning1
    case refusalTooEarlyWarning2
    case refusalTooEarlySanction
    case refusalNeedsBAP
    case refusalNeedsWarningLetters
    case refusalNeedsVisits
    case refusalNeedsJustification
    case refusalNeedsReason
    case refusalNeedsApproval
    case refusalAlreadyRequested
    case refusalNoReferralRequest
    case refusalOwnRequest
    case refusalPromiseNotInFuture
    case refusalDateInFuture
    // Actions
    case actionLogLetter
    case actionLogVisit
    case actionLogContact
    case actionNote
    case actionPromise
    case actionEscalate
    case actionStepDown
    case actionRequestReferral
    case actionApproveReferral
    case actionComply
    case actionClose
    // Case facts
    case waitingOnPromise
    case referralWaiting
    case roleBrowseOnly
    // Roles
    case rolePetugas
    case roleSupervisor
    case roleAdmin
    // Closing reasons
    case closingCeasedTrading
    case closingDuplicate
    case closingOutsideArea
    case closingNotObliged
    // Command line
    case cliUnknownCase
    case cliNoCompany
    case cliBadStage
    case cliBadLetterKind
    case cliBadVisitKind
    case cliBadOutcome
    case cliBadClosingReason
    case cliBadRole
    case cliBadLogin
    case cliBadNumber
    case cliEmptyText
    case cliLoggedLetter
    case cliLoggedVisit
    case cliLoggedNote
    case cliLoggedPromise
    case cliStageChanged
    case cliReferralRequested
    case cliReferralApproved
    case cliComplied
    case cliClosed
    case cliOfficerAdded
    case cliOfficerExists
    case cliNotAdmin
    case cliLetterWritten
    case cliTemplateBroken
    case cliCannotWrite
    case cliHolidayAdded
    case cliHolidayRemoved
    case cliHolidayMissing
    case cliReadOnly
    case cliBusy
    case cliDiskFull
    case cliAllowed
    case cliRefused
    case cliNextActions
    case cliNoCases
    case cliHeaderCase
    case cliListHeader
    case cliAssignee
    case cliDeadline
    case cliLadder
    case cliHistory
    case cliBadPattern
    case cliNoOpenPromise
    case letterDraftNumber
    case cliUnknownEvent
    case cliNotCorrectable

    public static let indonesian: [CaseText: String] = [
        .refusalUnknownOfficer: "Login {0} belum terdaftar sebagai petugas, jadi hanya bisa melihat data. Minta admin cabang menjalankan: kawal officer add {0} --name NAMA --role petugas",
        .refusalRole: "Hanya {1} yang bisa melakukan ini (peran Anda: {0})",
        .refusalCaseEnded: "Kasus sudah {0}: hanya catatan yang bisa ditambahkan",
        .refusalNoHigherStage: "Kasus sudah di tahap tertinggi (Limpah ke Kejaksaan)",
        .refusalNoLowerStage: "Kasus sudah di tahap terendah (Teridentifikasi)",
        .refusalSkipsStage: "{1} tidak bisa langsung dari tahap {0}: naikkan dulu ke {2}",
        .refusalWrongStage: "Hanya bisa dari tahap {1} (sekarang {0})",
        .refusalNotLowerStage: "{0} bukan tahap di bawah tahap sekarang",
        .refusalPromisePending: "Menunggu janji (surat pernyataan) s/d {0}: eskalasi bisa mulai {1}",
        .refusalNeedsPersuasiveContact: "Teguran I perlu minimal satu kontak persuasif tercatat: surat pemberitahuan, sosialisasi atau kunjungan",
        .refusalNeedsLetter: "{0} belum tercatat: catat suratnya lebih dulu",
        .refusalTooEarlyWarning1: "Teguran II bisa dikirim mulai {0} ({1} hari kerja setelah Teguran I)",
        .refusalTooEarlyWarning2: "Pemeriksaan bisa dilakukan mulai {0} ({1} hari kerja setelah Teguran II)",
        .refusalTooEarlySanction: "Limpah ke Kejaksaan bisa diajukan mulai {0} ({1} hari di tahap Rekomendasi Sanksi)",
        .refusalNeedsBAP: "Rekomendasi sanksi perlu kunjungan pemeriksaan dengan nomor BAP",
        .refusalNeedsWarningLetters: "Limpah ke Kejaksaan perlu {1} surat teguran tercatat (baru {0})",
        .refusalNeedsVisits: "Limpah ke Kejaksaan perlu {1} kunjungan tercatat (baru {0})",
        .refusalNeedsJustification: "Permintaan limpah ke Kejaksaan perlu justifikasi tertulis",
        .refusalNeedsReason: "Turun tahap perlu alasan",
        .refusalNeedsApproval: "Limpah ke Kejaksaan perlu persetujuan supervisor: ajukan permintaan lebih dulu",
        .refusalAlreadyRequested: "Permintaan limpah sudah diajukan oleh {0} pada {1} dan menunggu persetujuan supervisor",
        .refusalNoReferralRequest: "Belum ada permintaan limpah ke Kejaksaan untuk disetujui",
        .refusalOwnRequest: "Permintaan limpah tidak bisa disetujui oleh petugas yang mengajukannya",
        .refusalPromiseNotInFuture: "Tanggal janji harus setelah hari ini ({0})",
        .refusalDateInFuture: "Tanggal {0} belum terjadi: catat kejadian pada atau sebelum hari ini",
        .actionLogLetter: "Catat surat: {0}",
        .actionLogVisit: "Catat {0}",
        .actionLogContact: "Catat telepon/pertemuan",
        .actionNote: "Tambah catatan",
        .actionPromise: "Catat janji (surat pernyataan)",
        .actionEscalate: "Naikkan tahap",
        .actionStepDown: "Turunkan tahap",
        .actionRequestReferral: "Ajukan limpah ke Kejaksaan",
        .actionApproveReferral: "Setujui limpah ke Kejaksaan",
        .actionComply: "Tandai patuh",
        .actionClose: "Tutup kasus",
        .waitingOnPromise: "menunggu janji s/d {0}",
        .referralWaiting: "limpah diajukan {0}, menunggu persetujuan",
        .roleBrowseOnly: "hanya lihat",
        .rolePetugas: "Petugas",
        .roleSupervisor: "Supervisor",
        .roleAdmin: "Admin",
        .closingCeasedTrading: "Usaha sudah tutup",
        .closingDuplicate: "Data ganda",
        .closingOutsideArea: "Di luar wilayah cabang",
        .closingNotObliged: "Tidak wajib daftar",
        .cliUnknownCase: "Kasus {0} tidak ada",
        .cliNoCompany: "Perusahaan kasus {0} tidak ada",
        .cliBadStage: "Tahap tidak dikenal: {0} (pilih salah satu: {1})",
        .cliBadLetterKind: "Jenis surat tidak dikenal: {0} (pilih salah satu: {1})",
        .cliBadVisitKind: "Jenis kunjungan tidak dikenal: {0} (pilih kunjungan atau pemeriksaan)",
        .cliBadOutcome: "Hasil kunjungan tidak dikenal: {0} (pilih salah satu: {1})",
        .cliBadClosingReason: "Alasan penutupan tidak dikenal: {0} (pilih salah satu: {1})",
        .cliBadRole: "Peran tidak dikenal: {0} (pilih petugas, supervisor atau admin)",
        .cliBadLogin: "Login tidak sah: {0} (huruf, angka, titik, garis bawah atau tanda hubung)",
        .cliBadNumber: "Bukan bilangan yang sah: {0}",
        .cliEmptyText: "Teks tidak boleh kosong",
        .cliLoggedLetter: "Surat {0} nomor {1} dicatat pada kasus {2}",
        .cliLoggedVisit: "Kunjungan dicatat pada kasus {0}",
        .cliLoggedNote: "Catatan ditambahkan pada kasus {0}",
        .cliLoggedPromise: "Janji s/d {0} dicatat pada kasus {1}",
        .cliStageChanged: "Kasus {0} sekarang di tahap {1}",
        .cliReferralRequested: "Permintaan limpah ke Kejaksaan untuk kasus {0} dicatat; menunggu persetujuan supervisor",
        .cliReferralApproved: "Limpah ke Kejaksaan kasus {0} disetujui",
        .cliComplied: "Kasus {0} ditandai patuh",
        .cliClosed: "Kasus {0} ditutup",
        .cliOfficerAdded: "Petugas {0} ({1}) dicatat sebagai {2}",
        .cliOfficerExists: "Login {0} sudah terdaftar",
        .cliNotAdmin: "Hanya admin cabang yang bisa melakukan ini (login {0})",
        .cliLetterWritten: "Surat ditulis ke {0}",
        .cliTemplateBroken: "Templat surat {0} rusak: {1}. Perbaiki berkasnya atau hapus agar templat bawaan dipakai",
        .cliCannotWrite: "Tidak bisa menulis {0}: {1}",
        .cliHolidayAdded: "Hari libur {0} ({1}) ditambahkan",
        .cliHolidayRemoved: "Hari libur {0} dihapus",
        .cliHolidayMissing: "{0} tidak ada di daftar hari libur",
        .cliReadOnly: "Basis data {0} hanya bisa dibaca: perubahan tidak dapat disimpan",
        .cliBusy: "Basis data {0} sedang ditulis proses lain (misalnya impor): tidak ada yang disimpan; coba lagi setelah selesai",
        .cliDiskFull: "Disk tempat {0} penuh: tidak ada yang disimpan; kosongkan ruang lalu coba lagi",
        .cliAllowed: "bisa",
        .cliRefused: "tidak bisa",
        .cliNextActions: "Tindakan berikutnya:",
        .cliNoCases: "Tidak ada kasus yang cocok",
        .cliHeaderCase: "Kasus {0} · {1} · tahap {2}",
        .cliListHeader: "  Kasus  Tahap        Tenggat   Petugas            Perusahaan",
        .cliAssignee: "petugas {0}",
        .cliDeadline: "tenggat {0}",
        .cliLadder: "Tangga penegakan:",
        .cliHistory: "Riwayat (terlama dulu):",
        .cliBadPattern: "Pola nomor surat tidak sah: {0} (harus memuat {seq}; token: {seq}, {seq:4}, {year}, {month}, {roman}, {kind}, {branch})",
        .cliNoOpenPromise: "Tidak ada janji yang masih terbuka pada kasus ini",
        .letterDraftNumber: "(nomor diberikan saat surat dicatat)",
        .cliUnknownEvent: "Kejadian {0} tidak ada pada kasus ini atau sudah dikoreksi",
        .cliNotCorrectable: "{0} tidak bisa dikoreksi: turunkan tahap dengan alasan bila perlu",
    ]

    public static let english: [CaseText: String] = [
        .refusalUnknownOfficer: "Login {0} is not registered as an officer, so it can only browse. Ask the branch admin to run: kawal officer add {0} --name NAME --role petugas",
        .refusalRole: "Only a {1} can do this (your role: {0})",
        .refusalCaseEnded: "The case is already {0}: only notes can be added",
        .refusalNoHigherStage: "The case is at the top stage already (referred to the prosecutor)",
        .refusalNoLowerStage: "The case is at the bottom stage already (identified)",
        .refusalSkipsStage: "{1} cannot follow {0} directly: move the case up to {2} first",
        .refusalWrongStage: "Only possible at stage {1} (now {0})",
        .refusalNotLowerStage: "{0} is not a stage below the current one",
        .refusalPromisePending: "Waiting on a promise (surat pernyataan) until {0}: escalation possible from {1}",
        .refusalNeedsPersuasiveContact: "Warning I needs at least one persuasive contact on record: a notification letter, a socialisation or a visit",
        .refusalNeedsLetter: "{0} is not on record: log the letter first",
        .refusalTooEarlyWarning1: "Warning II can be sent from {0} ({1} working days after Warning I)",
        .refusalTooEarlyWarning2: "The examination can take place from {0} ({1} working days after Warning II)",
        .refusalTooEarlySanction: "The referral to the prosecutor can be requested from {0} ({1} days at the sanction stage)",
        .refusalNeedsBAP: "A sanction recommendation needs an examination visit with a BAP number",
        .refusalNeedsWarningLetters: "A referral needs {1} warning letters on record (only {0})",
        .refusalNeedsVisits: "A referral needs {1} visits on record (only {0})",
        .refusalNeedsJustification: "A referral request needs a written justification",
        .refusalNeedsReason: "Stepping down needs a reason",
        .refusalNeedsApproval: "A referral to the prosecutor needs a supervisor's approval: request it first",
        .refusalAlreadyRequested: "A referral was already requested by {0} on {1} and waits for a supervisor's approval",
        .refusalNoReferralRequest: "There is no referral request to approve",
        .refusalOwnRequest: "A referral request cannot be approved by the officer who made it",
        .refusalPromiseNotInFuture: "The promised date must be after today ({0})",
        .refusalDateInFuture: "{0} has not happened yet: log things on or before today",
        .actionLogLetter: "Log letter: {0}",
        .actionLogVisit: "Log {0}",
        .actionLogContact: "Log call/meeting",
        .actionNote: "Add note",
        .actionPromise: "Log promise (surat pernyataan)",
        .actionEscalate: "Escalate",
        .actionStepDown: "Step down",
        .actionRequestReferral: "Request referral to prosecutor",
        .actionApproveReferral: "Approve referral to prosecutor",
        .actionComply: "Mark compliant",
        .actionClose: "Close case",
        .waitingOnPromise: "waiting on promise until {0}",
        .referralWaiting: "referral requested {0}, awaiting approval",
        .roleBrowseOnly: "browse only",
        .rolePetugas: "Officer",
        .roleSupervisor: "Supervisor",
        .roleAdmin: "Admin",
        .closingCeasedTrading: "Ceased trading",
        .closingDuplicate: "Duplicate",
        .closingOutsideArea: "Outside the branch's area",
        .closingNotObliged: "Not obliged to register",
        .cliUnknownCase: "There is no case {0}",
        .cliNoCompany: "The company of case {0} does not exist",
        .cliBadStage: "Unknown stage: {0} (choose one of: {1})",
        .cliBadLetterKind: "Unknown letter kind: {0} (choose one of: {1})",
        .cliBadVisitKind: "Unknown visit kind: {0} (choose kunjungan or pemeriksaan)",
        .cliBadOutcome: "Unknown visit outcome: {0} (choose one of: {1})",
        .cliBadClosingReason: "Unknown closing reason: {0} (choose one of: {1})",
        .cliBadRole: "Unknown role: {0} (choose petugas, supervisor or admin)",
        .cliBadLogin: "Not a valid login: {0} (letters, digits, dot, underscore or hyphen)",
        .cliBadNumber: "Not a valid number: {0}",
        .cliEmptyText: "The text must not be empty",
        .cliLoggedLetter: "Letter {0} number {1} logged on case {2}",
        .cliLoggedVisit: "Visit logged on case {0}",
        .cliLoggedNote: "Note added to case {0}",
        .cliLoggedPromise: "Promise until {0} logged on case {1}",
        .cliStageChanged: "Case {0} is now at stage {1}",
        .cliReferralRequested: "Referral request for case {0} logged; waiting for a supervisor's approval",
        .cliReferralApproved: "Referral of case {0} approved",
        .cliComplied: "Case {0} marked compliant",
        .cliClosed: "Case {0} closed",
        .cliOfficerAdded: "Officer {0} ({1}) registered as {2}",
        .cliOfficerExists: "Login {0} is already registered",
        .cliNotAdmin: "Only the branch admin can do this (login {0})",
        .cliLetterWritten: "Letter written to {0}",
        .cliTemplateBroken: "Letter template {0} is broken: {1}. Fix the file or remove it to use the built-in template",
        .cliCannotWrite: "Cannot write {0}: {1}",
        .cliHolidayAdded: "Holiday {0} ({1}) added",
        .cliHolidayRemoved: "Holiday {0} removed",
        .cliHolidayMissing: "{0} is not in the holiday table",
        .cliReadOnly: "Database {0} is read-only: changes cannot be saved",
        .cliBusy: "Another program (an import, say) is writing to database {0}: nothing was saved; try again when it is done",
        .cliDiskFull: "The disk holding {0} is full: nothing was saved; free some space and try again",
        .cliAllowed: "allowed",
        .cliRefused: "refused",
        .cliNextActions: "Next actions:",
        .cliNoCases: "No matching cases",
        .cliHeaderCase: "Case {0} · {1} · stage {2}",
        .cliListHeader: "   Case  Stage        Due       Officer            Company",
        .cliAssignee: "officer {0}",
        .cliDeadline: "due {0}",
        .cliLadder: "Enforcement ladder:",
        .cliHistory: "History (oldest first):",
        .cliBadPattern: "Invalid letter number pattern: {0} (it must contain {seq}; tokens: {seq}, {seq:4}, {year}, {month}, {roman}, {kind}, {branch})",
        .cliNoOpenPromise: "This case has no open promise",
        .letterDraftNumber: "(number given when the letter is logged)",
        .cliUnknownEvent: "Event {0} is not in this case's history or is already corrected",
        .cliNotCorrectable: "{0} cannot be corrected: step the case down with a reason if needed",
    ]
}

extension Strings {
    /// Why the policy refuses, in plain words with the date or the missing item.
    public func refusal(_ r: Refusal) -> String {
        switch r {
        case .unknownOfficer(let login): return text(CaseText.refusalUnknownOfficer, login)
        case .roleNotAllowed(let role, let needs): return text(CaseText.refusalRole, self.role(role), self.role(needs))
        case .caseEnded(let stage): return text(CaseText.refusalCaseEnded, self.stage(stage))
        case .noHigherStage: return text(CaseText.refusalNoHigherStage)
        case .noLowerStage: return text(CaseText.refusalNoLowerStage)
        case .skipsStage(let from, let to, let next):
            return text(CaseText.refusalSkipsStage, stage(from), stage(to), stage(next))
        case .wrongStage(let current, let needed): return text(CaseText.refusalWrongStage, stage(current), stage(needed))
        case .notLowerStage(let s): return text(CaseText.refusalNotLowerStage, stage(s))
        case .promisePending(let until):
            return text(CaseText.refusalPromisePending, mediumDate(until), fullDate(PromiseRecord.escalationOpens(afterPromiseUntil: until)))
        case .needsPersuasiveContact: return text(CaseText.refusalNeedsPersuasiveContact)
        case .needsLetter(let kind): return text(CaseText.refusalNeedsLetter, letterKind(kind))
        case .tooEarly(let from, let wait):
            switch wait {
            case .warning1Deadline(let n): return text(CaseText.refusalTooEarlyWarning1, fullDate(from), String(n))
            case .warning2Deadline(let n): return text(CaseText.refusalTooEarlyWarning2, fullDate(from), String(n))
            case .sanctionPeriod(let n): return text(CaseText.refusalTooEarlySanction, fullDate(from), String(n))
            }
        case .needsExaminationBAP: return text(CaseText.refusalNeedsBAP)
        case .needsWarningLetters(let have, let need): return text(CaseText.refusalNeedsWarningLetters, String(have), String(need))
        case .needsVisits(let have, let need): return text(CaseText.refusalNeedsVisits, String(have), String(need))
        case .needsJustification: return text(CaseText.refusalNeedsJustification)
        case .needsReason: return text(CaseText.refusalNeedsReason)
        case .needsApproval: return text(CaseText.refusalNeedsApproval)
        case .referralAlreadyRequested(let by, let on): return text(CaseText.refusalAlreadyRequested, by, mediumDate(on))
        case .noReferralRequest: return text(CaseText.refusalNoReferralRequest)
        case .cannotApproveOwnRequest: return text(CaseText.refusalOwnRequest)
        case .promiseNotInFuture(let today): return text(CaseText.refusalPromiseNotInFuture, mediumDate(today))
        case .dateInFuture(let d): return text(CaseText.refusalDateInFuture, mediumDate(d))
        }
    }

    /// `Senin, 31 Januari 2022`.
    public func fullDate(_ d: Day) -> String { weekday(d) + ", " + longDate(d) }

    /// The name of an action, as menus and `kawal case show` list it.
    public func caseAction(_ a: CaseAction) -> String {
        switch a {
        case .logLetter(let k): return text(CaseText.actionLogLetter, letterKind(k))
        case .logVisit(let k): return text(CaseText.actionLogVisit, self[k == .kunjungan ? .visitKunjungan : .visitPemeriksaan])
        case .logContact: return text(CaseText.actionLogContact)
        case .note: return text(CaseText.actionNote)
        case .promise: return text(CaseText.actionPromise)
        case .escalate: return text(CaseText.actionEscalate)
        case .stepDown: return text(CaseText.actionStepDown)
        case .requestReferral: return text(CaseText.actionRequestReferral)
        case .approveReferral: return text(CaseText.actionApproveReferral)
        case .comply: return text(CaseText.actionComply)
        case .close: return text(CaseText.actionClose)
        }
    }

    public func role(_ r: OfficerRole) -> String {
        switch r {
        case .petugas: return text(CaseText.rolePetugas)
        case .supervisor: return text(CaseText.roleSupervisor)
        case .admin: return text(CaseText.roleAdmin)
        }
    }

    public func closingReason(_ r: ClosingReason) -> String {
        switch r {
        case .ceasedTrading: return text(CaseText.closingCeasedTrading)
        case .duplicate: return text(CaseText.closingDuplicate)
        case .outsideArea: return text(CaseText.closingOutsideArea)
        case .notObliged: return text(CaseText.closingNotObliged)
        }
    }
}

extension Strings {
    /// One line saying what an event was, for the case timeline and `kawal case show`.
    /// `fullStageNames`: the stage names in full where the line has room (the command line).
    public func eventSummary(_ e: CaseEvent, fullStageNames: Bool = false) -> String {
        let s = self
        let stageName = { (stage: Stage) in fullStageNames ? s.stage(stage) : s.stageShort(stage) }
        let d = e.detail
        var parts: [String] = []
        switch e.kind {
        case .letter:
            if let k = d.letterKind { parts.append(s.letterKind(k)) }
            if let n = d.letterNumber { parts.append(n) }
            if let due = d.deadline { parts.append(s.format(.eventDeadline, s.mediumDate(due))) }
        case .visit:
            if let k = d.visitKind { parts.append(k == .kunjungan ? s[.visitKunjungan] : s[.visitPemeriksaan]) }
            if let o = d.outcome { parts.append(s.outcome(o)) }
            if let n = d.workersCounted { parts.append(s.format(.eventWorkersCounted, s.number(n))) }
            if let bap = d.bapNumber { parts.append(s.format(.eventBAP, bap)) }
            if let f = d.findings { parts.append(f) }
        case .promise:
            if let u = d.promiseUntil { parts.append(s.format(.eventPromiseUntil, s.mediumDate(u))) }
        case .stageChange:
            if let to = d.toStage { parts.append(s.format(.eventStageTo, d.fromStage.map(stageName) ?? "", stageName(to))) }
        case .assignment:
            if let a = d.assignee { parts.append(a) }
        case .correction:
            if let c = d.corrects { parts.append(s.format(.eventCorrects, String(c))) }
        default:
            break
        }
        if let r = d.reason {
            // Closing records its reason as a code (ceasedTrading…): say it in words.
            let closing = e.kind == .stageChange && d.toStage == .closed
            parts.append(closing ? ClosingReason(rawValue: r).map(s.closingReason) ?? r : r)
        }
        if let other = d.otherCase {
            // A review merge: the case closed as a duplicate names the one that goes on, and back.
            parts.append(s.format(e.kind == .stageChange ? .eventContinuesIn : .eventMergedFrom, String(other)))
        }
        if let t = d.text { parts.append(t) }
        return parts.joined(separator: " · ")
    }
}
