/// The branch that signs letters: its name, address and signatory.
public struct BranchProfile: Hashable, Sendable, Codable {
    /// `BPJS Ketenagakerjaan Kantor Cabang Pekalongan`.
    public var name: String
    public var address: String
    /// The city named before the date: `Pekalongan, 17 Januari 2022`.
    public var city: String
    /// Short code used in letter numbers: `KC-PKL`.
    public var code: String
    public var signatoryName: String
    public var signatoryTitle: String
    /// The letter number pattern (`LetterNumberPattern`).
    public var letterNumberPattern: String

    public init(
        name: String, address: String, city: String, code: String, signatoryName: String, signatoryTitle: String,
        letterNumberPattern: String = LetterNumberPattern.standard
    ) {
        self.name = name
        self.address = address
        self.city = city
        self.code = code
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.letterNumberPattern = letterNumberPattern
    }

    /// The Pekalongan branch, the default of a new database.
    public static let pekalongan = BranchProfile(
        name: "BPJS Ketenagakerjaan Kantor Cabang Pekalongan",
        address: "Jl. Merdeka No. 41, Kota Pekalongan, Jawa Tengah 51111",
        city: "Pekalongan", code: "KC-PKL",
        signatoryName: "Kepala Kantor Cabang", signatoryTitle: "Kepala Kantor Cabang Pekalongan")
}

/// Letter numbers: a pattern with tokens, filled from the branch's per-year sequence.
///
/// Tokens: `{seq}` the sequence number (`{seq:4}` zero-padded to 4 digits), `{year}` (2026),
/// `{month}` (01–12), `{roman}` (the month in Roman numerals, I–XII, as Indonesian letter
/// numbers write it), `{kind}` (the kind's code: PBT, SOS, TGR1, TGR2, TMP2T, SKK), `{branch}`
/// (the branch code). Any other text is kept as it is.
public enum LetterNumberPattern {
    /// `B/{seq:4}/{kind}/{branch}/{roman}/{year}` → `B/0012/TGR1/KC-PKL/XI/2026`.
    public static let standard = "B/{seq:4}/{kind}/{branch}/{roman}/{year}"

    /// The code of a letter kind in numbers.
    public static func code(_ kind: LetterKind) -> String {
        switch kind {
        case .notification: return "PBT"
        case .socialisation: return "SOS"
        case .warning1: return "TGR1"
        case .warning2: return "TGR2"
        case .sanctionRecommendation: return "TMP2T"
        case .referral: return "SKK"
        }
    }

    static let romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    /// Whether `pattern` uses only known tokens and includes `{seq}` (so numbers cannot repeat).
    public static func isValid(_ pattern: String) -> Bool {
        var sawSeq = false
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return false }
            let token = rest[rest.index(after: open)..<close]
            switch token {
            case "seq": sawSeq = true
            case "year", "month", "roman", "kind", "branch": break
            default:
                guard token.hasPrefix("seq:"), let w = Int(token.dropFirst(4)), (1...9).contains(w) else { return false }
                sawSeq = true
            }
            rest = rest[rest.index(after: close)...]
        }
        return sawSeq
    }

    /// The number of the `sequence`th letter of the year, sent on `day`.
    public static func render(_ pattern: String, sequence: Int, day: Day, kind: LetterKind, branchCode: String) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let token = rest[rest.index(after: open)..<close]
            switch token {
            case "seq": out += String(sequence)
            case "year": out += String(day.year)
            case "month": out += (day.month < 10 ? "0" : "") + String(day.month)
            case "roman": out += romans[day.month - 1]
            case "kind": out += code(kind)
            case "branch": out += branchCode
            default:
                if token.hasPrefix("seq:"), let w = Int(token.dropFirst(4)) {
                    let s = String(sequence)
                    out += String(repeating: "0", count: max(0, w - s.count)) + s
                } else {
                    out += rest[open...close]
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}

/// Dates as Indonesian letters write them.
public enum IndonesianDate {
    static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                         "September", "Oktober", "November", "Desember"]
    static let weekdays = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

    /// `17 Januari 2022`.
    public static func long(_ d: Day) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// `Senin, 17 Januari 2022`.
    public static func withWeekday(_ d: Day) -> String { weekdays[d.weekday - 1] + ", " + long(d) }
}

/// The merge fields of a letter: everything a template may print, as a pure value.
///
/// Letters are formal Indonesian whatever the interface language, so the texts here are
/// Indonesian. `values` is what the template sees (`{{company_name}}`, `{{date_long}}`…).
public struct LetterFields: Hashable, Sendable {
    public var kind: LetterKind
    public var companyName: String
    public var companyAddress: String
    public var kelurahan: String
    public var kecamatan: String
    public var owner: String
    /// `01.234.567.8-511.000`, or empty.
    public var npwp: String
    public var estimatedWorkers: Int
    public var registeredWorkers: Int
    public var branch: BranchProfile
    public var letterNumber: String
    public var date: Day
    public var deadline: Day?
    /// The BAP number of the examination, for sanction and referral letters.
    public var bapNumber: String?

    public init(
        kind: LetterKind, company: Company, branch: BranchProfile, letterNumber: String, date: Day, deadline: Day?,
        bapNumber: String? = nil
    ) {
        self.kind = kind
        self.companyName = company.displayName
        self.companyAddress = company.address
        self.kelurahan = company.kelurahan
        self.kecamatan = company.kecamatan
        self.owner = company.owner
        self.npwp = company.npwp?.formatted ?? ""
        self.estimatedWorkers = company.estimatedWorkers
        self.registeredWorkers = company.registeredWorkers
        self.branch = branch
        self.letterNumber = letterNumber
        self.date = date
        self.deadline = deadline
        self.bapNumber = bapNumber
    }

    /// The legal basis every letter cites.
    public static let legalBasis = "Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial dan Peraturan Pemerintah Nomor 86 Tahun 2013 tentang Tata Cara Pengenaan Sanksi Administratif"

    /// The letter's subject line (*perihal*).
    public static func subject(_ kind: LetterKind) -> String {
        switch kind {
        case .notification: return "Pemberitahuan Kewajiban Pendaftaran Program Jaminan Sosial Ketenagakerjaan"
        case .socialisation: return "Undangan Sosialisasi Program Jaminan Sosial Ketenagakerjaan"
        case .warning1: return "Teguran Tertulis I"
        case .warning2: return "Teguran Tertulis II"
        case .sanctionRecommendation: return "Rekomendasi Pengenaan Sanksi Tidak Mendapat Pelayanan Publik Tertentu (TMP2T)"
        case .referral: return "Penyerahan Surat Kuasa Khusus"
        }
    }

    /// The fields by name, as templates use them. Numbers are written the Indonesian way (`1.234`).
    public var values: [String: String] {
        let unprotected = Company.unprotected(estimated: estimatedWorkers, registered: registeredWorkers)
        var v: [String: String] = [
            "kind": kind.rawValue,
            "subject": Self.subject(kind),
            "company_name": companyName,
            "company_address": companyAddress,
            "kelurahan": kelurahan,
            "kecamatan": kecamatan,
            "owner": owner,
            "npwp": npwp,
            "estimated_workers": Self.number(estimatedWorkers),
            "registered_workers": Self.number(registeredWorkers),
            "unprotected_workers": Self.number(unprotected),
            "branch_name": branch.name,
            "branch_address": branch.address,
            "branch_city": branch.city,
            "letter_number": letterNumber,
            "date": date.iso,
            "date_long": IndonesianDate.long(date),
            "legal_basis": Self.legalBasis,
            "signatory_name": branch.signatoryName,
            "signatory_title": branch.signatoryTitle,
            "bap_number": bapNumber ?? "",
        ]
        if let deadline {
            v["deadline"] = deadline.iso
            v["deadline_long"] = IndonesianDate.long(deadline)
            v["deadline_weekday"] = IndonesianDate.withWeekday(deadline)
        }
        return v
    }

    /// `12.345`.
    static func number(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}
