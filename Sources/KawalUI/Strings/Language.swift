import Foundation
import KawalDomain

/// The interface language: Bahasa Indonesia by default, English with `--lang en`.
public enum Language: String, CaseIterable, Sendable {
    case id
    case en
}

/// The keys of one string catalogue. The core catalogue is `StringKey`; a feature may keep
/// its strings in its own file with its own key enum, so features do not all grow one file.
/// Each catalogue must have an entry in both languages (the UI tests check every catalogue
/// listed in their `allCatalogues`).
public protocol CatalogueKey: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    static var indonesian: [Self: String] { get }
    static var english: [Self: String] { get }
}

/// Words and formats of one language: every user-visible string goes through here.
public struct Strings: Sendable {
    public let language: Language
    private let table: [StringKey: String]

    public init(_ language: Language) {
        self.language = language
        self.table = language == .id ? Catalogue.indonesian : Catalogue.english
    }

    /// The text for `key`; a missing entry shows the key itself (a test keeps both catalogues complete).
    public subscript(_ key: StringKey) -> String { table[key] ?? key.rawValue }

    /// The text for `key` with `{0}`, `{1}`… replaced by `args`.
    public func format(_ key: StringKey, _ args: String...) -> String {
        var s = self[key]
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }

    /// The text for a key of a feature catalogue.
    public func text<K: CatalogueKey>(_ key: K) -> String {
        (language == .id ? K.indonesian : K.english)[key] ?? key.rawValue
    }

    /// The text for a key of a feature catalogue with `{0}`, `{1}`… replaced by `args`.
    public func text<K: CatalogueKey>(_ key: K, _ args: String...) -> String {
        var s = text(key)
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }

    // MARK: Numbers and dates

    /// `12.345` in Indonesian, `12,345` in English.
    public func number(_ n: Int) -> String {
        let sep: Character = language == .id ? "." : ","
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(sep) }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `number(n)` when it fits in `width` columns, else a shorter form that does: `250rb` and
    /// `1,5jt` in Indonesian (ribu, juta), `250k` and `1.5M` in English. Rounded down, so a
    /// table never shows more than there is; the exact figure belongs in a detail line.
    public func number(_ n: Int, fitting width: Int) -> String {
        let full = number(n)
        guard full.count > width, n >= 1000 || n <= -1000 else { return full }
        let sign = n < 0 ? "-" : ""
        let m = n.magnitude
        let (thousand, million, point): (String, String, String) = language == .id ? ("rb", "jt", ",") : ("k", "M", ".")
        if m < 1_000_000 { return sign + String(m / 1000) + thousand }
        let tenths = m / 100_000
        let short = sign + String(tenths / 10) + point + String(tenths % 10) + million
        return short.count <= width ? short : sign + number(Int(m / 1_000_000)) + million
    }

    private static let monthsID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                   "September", "Oktober", "November", "Desember"]
    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December"]
    private static let shortID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    private static let shortEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdaysID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    private static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `17 Januari 2022` (the form letters use).
    public func longDate(_ d: Day) -> String {
        let m = (language == .id ? Strings.monthsID : Strings.monthsEN)[d.month - 1]
        return "\(d.day) \(m) \(d.year)"
    }

    /// `17 Jan 2022`.
    public func mediumDate(_ d: Day) -> String {
        let m = (language == .id ? Strings.shortID : Strings.shortEN)[d.month - 1]
        return "\(d.day < 10 ? "0" : "")\(d.day) \(m) \(d.year)"
    }

    /// `17/01/22`: fits a table column.
    public func shortDate(_ d: Day) -> String {
        let y = d.year % 100
        return "\(d.day < 10 ? "0" : "")\(d.day)/\(d.month < 10 ? "0" : "")\(d.month)/\(y < 10 ? "0" : "")\(y)"
    }

    /// `Senin`.
    public func weekday(_ d: Day) -> String {
        (language == .id ? Strings.weekdaysID : Strings.weekdaysEN)[d.weekday - 1]
    }

    // MARK: Domain vocabulary

    public func stage(_ s: Stage) -> String { self[StringKey(stage: s, short: false)] }
    public func stageShort(_ s: Stage) -> String { self[StringKey(stage: s, short: true)] }

    /// The status code cut to 8 cells for narrow tables (`PDS-Program` → `PDS-Prog`).
    public func statusShort(_ status: ComplianceStatus) -> String {
        status == .pdsProgram ? "PDS-Prog" : status.code
    }

    public func source(_ s: DataSource) -> String {
        switch s {
        case .pemkot: return self[.sourcePemkot]
        case .bpjs: return self[.sourceBPJS]
        case .manual: return self[.sourceManual]
        case .demo: return self[.sourceDemo]
        }
    }

    public func scale(_ s: Scale) -> String {
        switch s {
        case .mikro: return self[.scaleMikro]
        case .kecil: return self[.scaleKecil]
        case .menengah: return self[.scaleMenengah]
        case .besar: return self[.scaleBesar]
        }
    }

    public func sort(_ s: CompanySort) -> String {
        switch s {
        case .name: return self[.sortName]
        case .kecamatan: return self[.sortKecamatan]
        case .sector: return self[.sortSector]
        case .unprotected: return self[.sortUnprotected]
        case .status: return self[.sortStatus]
        case .stage: return self[.sortStage]
        case .deadline: return self[.sortDeadline]
        }
    }

    public func letterKind(_ k: LetterKind) -> String {
        switch k {
        case .notification: return self[.letterNotification]
        case .socialisation: return self[.letterSocialisation]
        case .warning1: return self[.letterWarning1]
        case .warning2: return self[.letterWarning2]
        case .sanctionRecommendation: return self[.letterSanction]
        case .referral: return self[.letterReferral]
        }
    }

    public func outcome(_ o: VisitOutcome) -> String {
        switch o {
        case .met: return self[.outcomeMet]
        case .notMet: return self[.outcomeNotMet]
        case .closedPremises: return self[.outcomeClosed]
        case .refused: return self[.outcomeRefused]
        }
    }

    public func eventKind(_ k: EventKind) -> String {
        switch k {
        case .letter: return self[.eventLetter]
        case .visit: return self[.eventVisit]
        case .call: return self[.eventCall]
        case .meeting: return self[.eventMeeting]
        case .note: return self[.eventNote]
        case .promise: return self[.eventPromise]
        case .promiseLapsed: return self[.eventPromiseLapsed]
        case .promiseKept: return self[.eventPromiseKept]
        case .stageChange: return self[.eventStageChange]
        case .approvalRequest: return self[.eventApprovalRequest]
        case .approval: return self[.eventApproval]
        case .assignment: return self[.eventAssignment]
        case .correction: return self[.eventCorrection]
        }
    }
}
