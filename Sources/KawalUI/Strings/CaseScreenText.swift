/// The words of the case screens: the worklist, the next actions, the forms and the letter preview.
public enum CaseScreenText: String, CatalogueKey {
    case fieldLetterKind
    case fieldDate
    case fieldDelivery
    case deliveryHand
    case deliveryPost
    case deliveryEmail
    case fieldVisitKind
    case fieldOutcome
    case fieldPersonMet
    case fieldPersonRole
    case fieldWorkersCounted
    case fieldBAP
    case fieldFindings
    case fieldPromiseUntil
    case fieldContactKind
    case fieldText
    case fieldUntil
    case fieldSignedOn
    case fieldNote
    case targetUp
    case targetDown
    case fieldTargetStage
    case fieldReason
    case fieldRegistered
    case fieldClosingReason
    case cmdToday
    case cmdScope
    case cmdLetter
    case cmdVisit
    case cmdContact
    case cmdPromise
    case cmdEscalate
    case cmdApprove
    case cmdComply
    case cmdClose
    case cmdPreview
    case cmdWrite
    case hintToday
    case hintScope
    case hintLetter
    case hintVisit
    case hintContact
    case hintPromise
    case hintEscalate
    case moveUp
    case escalationNotice
    case hintApprove
    case hintComply
    case hintClose
    case hintPreview
    case hintWrite
    case helpGroupWorklist
    case helpGroupCase
    case helpGroupLetter
    case helpGroupForm
    case helpFormMove
    case helpFormSave
    case helpFormCancel
    case helpFormChoice
    case helpFormPreview
    case savedMessage
    case letterWritten
    case letterWriteFailed
    case failReadOnly
    case failBusy
    case failDiskFull
    case failNotOfficer
    case failOther
    case blockedReadOnly
    case blockedNotOfficer
    case blockedSeveral
    case waitingOnPromise
    case actionsLabel
    case scopeMine
    case scopeAll
    case worklistTitle
    case columnCompany
    case columnWhy
    case columnOfficer
    case whyDeadlineToday
    case whyDeadlineLate
    case whyPromiseSoon
    case whyPromiseToday
    case whyPromiseLate
    case whyMayEscalate
    case whyApproval
    case sectionDeadlines
    case sectionPromises
    case sectionEscalations
    case sectionApprovals
    case emptyDeadlines
    case emptyPromises
    case emptyEscalations
    case emptyApprovals
    case countsLabel
    case dateFormatHint
    case confirmDiscard
    case saving
    case hintNextField
    case hintSave
    case hintCancel
    case hintDiscardYes
    case hintDiscardNo
    case formLetter
    case formVisit
    case formContact
    case formPromise
    case formEscalation
    case formApproval
    case formCompliance
    case formClosing
    case errorReasonRequired
    case errorRequired
    case errorBadDate
    case errorBadNumber
    case errorNotBefore
    case errorInFuture
    case previewTitle
    case draftNumber
    case approvalNotice

    public static let indonesian: [CaseScreenText: String] = [
        .fieldLetterKind: "Jenis surat",
        .fieldDate: "Tanggal",
        .fieldDelivery: "Pengiriman",
        .deliveryHand: "Diantar langsung",
        .deliveryPost: "Pos tercatat",
        .deliveryEmail: "Surel",
        .fieldVisitKind: "Jenis kunjungan",
        .fieldOutcome: "Hasil",
        .fieldPersonMet: "Ditemui",
        .fieldPersonRole: "Jabatan",
        .fieldWorkersCounted: "Pekerja dihitung",
        .fieldBAP: "Nomor BAP",
        .fieldFindings: "Temuan",
        .fieldPromiseUntil: "Janji s/d",
        .fieldContactKind: "Jenis",
        .fieldText: "Isi",
        .fieldUntil: "Janji s/d",
        .fieldSignedOn: "Ditandatangani",
        .fieldNote: "Catatan",
        .targetUp: "Naik ke {0}",
        .targetDown: "Turun ke {0}",
        .fieldTargetStage: "Tahap tujuan",
        .fieldReason: "Alasan",
        .fieldRegistered: "Pekerja terdaftar",
        .fieldClosingReason: "Alasan penutupan",
        .cmdToday: "Hari ini ⇄ daftar perusahaan",
        .cmdScope: "Kasus saya ⇄ semua kasus",
        .cmdLetter: "Catat surat yang dikirim",
        .cmdVisit: "Catat kunjungan atau pemeriksaan",
        .cmdContact: "Catat telepon, pertemuan atau catatan",
        .cmdPromise: "Catat janji (surat pernyataan)",
        .cmdEscalate: "Ubah tahap: naik satu tahap atau turun dengan alasan",
        .cmdApprove: "Setujui permintaan (supervisor)",
        .cmdComply: "Tandai patuh",
        .cmdClose: "Tutup kasus dengan alasan",
        .cmdPreview: "Pratinjau surat berikutnya",
        .cmdWrite: "Tulis surat ke berkas",
        .hintToday: "Hari ini",
        .hintScope: "Saya/semua",
        .hintLetter: "Surat",
        .hintVisit: "Kunjungan",
        .hintContact: "Catat",
        .hintPromise: "Janji",
        .hintEscalate: "Tahap",
        .moveUp: "Naik tahap",
        .escalationNotice: "Naik tahap belum bisa: {0}",
        .hintApprove: "Setujui",
        .hintComply: "Patuh",
        .hintClose: "Tutup",
        .hintPreview: "Pratinjau",
        .hintWrite: "Tulis berkas",
        .helpGroupWorklist: "Hari ini",
        .helpGroupCase: "Tindakan kasus (di rincian)",
        .helpGroupLetter: "Pratinjau surat",
        .helpGroupForm: "Formulir",
        .helpFormMove: "Pindah ke isian berikut / sebelumnya",
        .helpFormSave: "Simpan",
        .helpFormCancel: "Batal (bertanya dulu bila sudah diisi)",
        .helpFormChoice: "Ganti pilihan",
        .helpFormPreview: "Pratinjau surat (formulir surat)",
        .savedMessage: "Tersimpan: {0}.",
        .letterWritten: "Surat ditulis ke {0}",
        .letterWriteFailed: "Tidak dapat menulis {0}: {1}",
        .failReadOnly: "Basis data hanya-baca: tidak ada yang disimpan. Buka dengan hak tulis untuk mencatat.",
        .failBusy: "Tidak tersimpan: basis data sedang ditulis proses lain (misalnya impor). Isian tetap ada; coba lagi sebentar lagi.",
        .failDiskFull: "Tidak tersimpan: disk server penuh. Isian tetap ada; hubungi admin untuk mengosongkan ruang, lalu coba lagi.",
        .failNotOfficer: "Login ini belum terdaftar sebagai petugas: tidak ada yang disimpan. Minta admin menjalankan `kawal officer add`.",
        .failOther: "Tidak tersimpan: {0}. Isian tetap ada; coba lagi.",
        .blockedReadOnly: "hanya melihat: basis data hanya-baca",
        .blockedNotOfficer: "hanya melihat: login ini belum terdaftar sebagai petugas",
        .blockedSeveral: "diblokir (lihat alasan di formulir)",
        .waitingOnPromise: "menunggu janji s/d {0}",
        .actionsLabel: "Tindakan",
        .scopeMine: "Kasus {0}",
        .scopeAll: "Semua kasus",
        .worklistTitle: "Hari ini",
        .columnCompany: "Perusahaan",
        .columnWhy: "Alasan",
        .columnOfficer: "Petugas",
        .whyDeadlineToday: "tenggat hari ini",
        .whyDeadlineLate: "tenggat lewat {0} hari · {1}",
        .whyPromiseSoon: "janji s/d {0}, {1} hari lagi",
        .whyPromiseToday: "janji jatuh tempo hari ini",
        .whyPromiseLate: "janji s/d {0}, lewat {1} hari",
        .whyMayEscalate: "boleh naik ke {0}",
        .whyApproval: "diminta {0} · {1}",
        .sectionDeadlines: "Tenggat jatuh tempo",
        .sectionPromises: "Janji jatuh tempo",
        .sectionEscalations: "Boleh naik tahap",
        .sectionApprovals: "Menunggu persetujuan",
        .emptyDeadlines: "Tidak ada tenggat yang jatuh tempo.",
        .emptyPromises: "Tidak ada janji yang jatuh tempo.",
        .emptyEscalations: "Tidak ada kasus yang baru boleh naik tahap.",
        .emptyApprovals: "Tidak ada permintaan yang menunggu.",
        .countsLabel: "Per tahap",
        .dateFormatHint: "dd/mm/yyyy",
        .confirmDiscard: "Buang isian formulir ini? y = buang, n = lanjut mengisi",
        .saving: "Menyimpan…",
        .hintNextField: "Isian berikut",
        .hintSave: "Simpan",
        .hintCancel: "Batal",
        .hintDiscardYes: "Buang",
        .hintDiscardNo: "Lanjut mengisi",
        .formLetter: "Catat surat",
        .formVisit: "Catat kunjungan",
        .formContact: "Catat telepon atau catatan",
        .formPromise: "Catat janji (surat pernyataan)",
        .formEscalation: "Ubah tahap",
        .formApproval: "Setujui permintaan",
        .formCompliance: "Tandai patuh",
        .formClosing: "Tutup kasus",
        .errorReasonRequired: "Alasan wajib diisi.",
        .errorRequired: "Wajib diisi.",
        .errorBadDate: "Tanggal tidak valid: tulis dd/mm/yyyy, mis. {0}",
        .errorBadNumber: "Isi angka bulat, mis. 12",
        .errorNotBefore: "Tanggal paling awal {0}",
        .errorInFuture: "Tanggal tidak boleh setelah hari ini ({0})",
        .previewTitle: "Pratinjau surat",
        .draftNumber: "(nomor diberikan saat dicatat)",
        .approvalNotice: "Permintaan limpah dari {0} ({1}): {2}. Enter untuk menyetujui.",
    ]

    public static let english: [CaseScreenText: String] = [
        .fieldLetterKind: "Letter kind",
        .fieldDate: "Date",
        .fieldDelivery: "Delivery",
        .deliveryHand: "By hand",
        .deliveryPost: "Registered post",
        .deliveryEmail: "Email",
        .fieldVisitKind: "Visit kind",
        .fieldOutcome: "Outcome",
        .fieldPersonMet: "Person met",
        .fieldPersonRole: "Their role",
        .fieldWorkersCounted: "Workers counted",
        .fieldBAP: "BAP number",
        .fieldFindings: "Findings",
        .fieldPromiseUntil: "Promise until",
        .fieldContactKind: "Kind",
        .fieldText: "Text",
        .fieldUntil: "Promised by",
        .fieldSignedOn: "Signed on",
        .fieldNote: "Note",
        .targetUp: "Up to {0}",
        .targetDown: "Down to {0}",
        .fieldTargetStage: "New stage",
        .fieldReason: "Reason",
        .fieldRegistered: "Workers registered",
        .fieldClosingReason: "Reason for closing",
        .cmdToday: "Today ⇄ companies list",
        .cmdScope: "My cases ⇄ all cases",
        .cmdLetter: "Log a letter sent",
        .cmdVisit: "Log a visit or examination",
        .cmdContact: "Log a call, meeting or note",
        .cmdPromise: "Log a promise (surat pernyataan)",
        .cmdEscalate: "Change the stage: up one, or down with a reason",
        .cmdApprove: "Approve a request (supervisor)",
        .cmdComply: "Mark compliant",
        .cmdClose: "Close the case with a reason",
        .cmdPreview: "Preview the next letter",
        .cmdWrite: "Write the letter to a file",
        .hintToday: "Today",
        .hintScope: "Mine/all",
        .hintLetter: "Letter",
        .hintVisit: "Visit",
        .hintContact: "Note",
        .hintPromise: "Promise",
        .hintEscalate: "Stage",
        .moveUp: "Move up",
        .escalationNotice: "Cannot move up yet: {0}",
        .hintApprove: "Approve",
        .hintComply: "Comply",
        .hintClose: "Close",
        .hintPreview: "Preview",
        .hintWrite: "Write file",
        .helpGroupWorklist: "Today",
        .helpGroupCase: "Case actions (in the detail)",
        .helpGroupLetter: "Letter preview",
        .helpGroupForm: "Forms",
        .helpFormMove: "Next / previous field",
        .helpFormSave: "Save",
        .helpFormCancel: "Cancel (asks first if anything was typed)",
        .helpFormChoice: "Change a choice",
        .helpFormPreview: "Preview the letter (letter form)",
        .savedMessage: "Saved: {0}.",
        .letterWritten: "Letter written to {0}",
        .letterWriteFailed: "Cannot write {0}: {1}",
        .failReadOnly: "The database is read-only: nothing was saved. Open it with write access to record.",
        .failBusy: "Not saved: another program (an import, say) is writing to the database. The form is kept; try again shortly.",
        .failDiskFull: "Not saved: the server's disk is full. The form is kept; ask the admin to free some space, then try again.",
        .failNotOfficer: "This login is not an officer yet: nothing was saved. Ask an admin to run `kawal officer add`.",
        .failOther: "Not saved: {0}. What you typed is kept; try again.",
        .blockedReadOnly: "view only: the database is read-only",
        .blockedNotOfficer: "view only: this login is not an officer",
        .blockedSeveral: "blocked (the form says why)",
        .waitingOnPromise: "waiting on a promise until {0}",
        .actionsLabel: "Actions",
        .scopeMine: "Cases of {0}",
        .scopeAll: "All cases",
        .worklistTitle: "Today",
        .columnCompany: "Company",
        .columnWhy: "Why",
        .columnOfficer: "Officer",
        .whyDeadlineToday: "deadline today",
        .whyDeadlineLate: "deadline {0} days ago · {1}",
        .whyPromiseSoon: "promised by {0}, {1} days left",
        .whyPromiseToday: "promise falls due today",
        .whyPromiseLate: "promised by {0}, {1} days ago",
        .whyMayEscalate: "may move up to {0}",
        .whyApproval: "asked by {0} · {1}",
        .sectionDeadlines: "Deadlines due",
        .sectionPromises: "Promises falling due",
        .sectionEscalations: "Allowed to escalate",
        .sectionApprovals: "Waiting for approval",
        .emptyDeadlines: "No deadline is due.",
        .emptyPromises: "No promise falls due.",
        .emptyEscalations: "No case has become ready to escalate.",
        .emptyApprovals: "No request is waiting.",
        .countsLabel: "Per stage",
        .dateFormatHint: "dd/mm/yyyy",
        .confirmDiscard: "Discard what you typed? y = discard, n = keep editing",
        .saving: "Saving…",
        .hintNextField: "Next field",
        .hintSave: "Save",
        .hintCancel: "Cancel",
        .hintDiscardYes: "Discard",
        .hintDiscardNo: "Keep editing",
        .formLetter: "Log a letter",
        .formVisit: "Log a visit",
        .formContact: "Log a call or note",
        .formPromise: "Log a promise (surat pernyataan)",
        .formEscalation: "Change the stage",
        .formApproval: "Approve the request",
        .formCompliance: "Mark compliant",
        .formClosing: "Close the case",
        .errorReasonRequired: "A reason is required.",
        .errorRequired: "Required.",
        .errorBadDate: "Not a date: type dd/mm/yyyy, e.g. {0}",
        .errorBadNumber: "Type a whole number, e.g. 12",
        .errorNotBefore: "The earliest date is {0}",
        .errorInFuture: "The date cannot be after today ({0})",
        .previewTitle: "Letter preview",
        .draftNumber: "(numbered when logged)",
        .approvalNotice: "Referral requested by {0} ({1}): {2}. Enter approves it.",
    ]
}
