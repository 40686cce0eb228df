/// What an export lists: every company, or only the companies with a case.
public enum ExportKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// Every company the query lists.
    case companies
    /// The companies the query lists that have a case, with that case (its open one, else its latest).
    case cases
}

/// The file format of an export.
public enum ExportFormat: String, CaseIterable, Sendable, Codable, Hashable {
    /// Comma- or semicolon-separated values, UTF-8 with a byte order mark, for Excel.
    case csv
    /// A JSON array of objects, one per row.
    case json
}

/// The field separator of a CSV export.
public enum ExportDelimiter: String, CaseIterable, Sendable, Codable, Hashable {
    case comma = ","
    case semicolon = ";"

    /// The separator as one byte.
    public var byte: UInt8 { self == .comma ? UInt8(ascii: ",") : UInt8(ascii: ";") }
}

/// One exported line: a company and, when it has one, its current case (its open one, else its latest).
public struct ExportRow: Hashable, Sendable {
    public var company: Company
    public var complianceCase: ComplianceCase?
    /// The name of the officer the case is assigned to, when the officers table has one.
    public var assigneeName: String?

    public init(company: Company, complianceCase: ComplianceCase?, assigneeName: String? = nil) {
        self.company = company
        self.complianceCase = complianceCase
        self.assigneeName = assigneeName
    }

    /// Who the case is assigned to, as people know them: the officer's name, else the login.
    public var assignee: String? { assigneeName.flatMap { $0.isEmpty ? nil : $0 } ?? complianceCase?.assignee }
}

extension CompanyQuery {
    /// The query an export of `kind` reads: for cases, only companies that have one (a filter on
    /// every stage leaves out the companies without a case, through the stage index).
    public func forExport(_ kind: ExportKind) -> CompanyQuery {
        var q = self
        if kind == .cases && q.stages.isEmpty { q.stages = Set(Stage.allCases) }
        return q
    }
}

/// One value of an exported row.
public enum ExportCell: Hashable, Sendable {
    case text(String)
    case number(Int)
    /// A code written in digits (NIB, NPP, KBLI, a phone number): text that a spreadsheet must
    /// keep as written. Excel reads `081234567890` as a number and drops the 0, and shows a NIB
    /// as `9,12E+12`; a CSV export writes such a code so that Excel shows it as text.
    case code(String)
    /// No value: an empty CSV field, `null` in JSON.
    case empty
}

/// How a spreadsheet reads the start of a text cell: the rule the export guards against and
/// the import undoes, in one place.
public enum SpreadsheetText {
    /// Whether Excel would take text starting with `first` for a formula: `=`, `+`, `-`, `@`,
    /// their full-width forms, a tab or a carriage return.
    public static func startsFormula(_ first: Unicode.Scalar) -> Bool {
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return true
        default: return false
        }
    }

    /// Whether `text` starts with the `'` that keeps formula-like text as text in a spreadsheet
    /// (`'=1+1`, as a Kawal export writes text too long for `="…"`): an apostrophe followed by
    /// what would start a formula is only ever that guard. Text that starts with such a guard
    /// itself is guarded again (`''=1+1` is the text `'=1+1`).
    public static func startsWithGuard(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard scalars.next() == "'" else { return false }
        while let next = scalars.next() {
            if next != "'" { return startsFormula(next) }
        }
        return false
    }
}
