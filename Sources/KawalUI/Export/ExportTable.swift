import KawalDomain

/// A column of an export; its raw value is its stable key in JSON (whatever the language).
public enum ExportColumn: String, CaseIterable, Sendable {
    case caseID = "case_id"
    case companyID = "company_id"
    case name = "name"
    case legalForm = "legal_form"
    case npwp = "npwp"
    case nib = "nib"
    case npp = "npp"
    case address = "address"
    case kelurahan = "kelurahan"
    case kecamatan = "kecamatan"
    case kbli = "kbli"
    case sector = "sector"
    case owner = "owner"
    case phone = "phone"
    case estimatedWorkers = "estimated_workers"
    case registeredWorkers = "registered_workers"
    case unprotectedWorkers = "unprotected_workers"
    case scale = "scale"
    case status = "status"
    case stage = "stage"
    case caseOpened = "case_opened"
    case nextDeadline = "next_deadline"
    case assignee = "assignee"

    /// The stable key of the column in JSON.
    public var jsonKey: String { rawValue }

    var headerKey: IntakeText {
        switch self {
        case .caseID: return .exportCaseID
        case .companyID: return .exportCompanyID
        case .name: return .exportName
        case .legalForm: return .exportLegalForm
        case .npwp: return .exportNPWP
        case .nib: return .exportNIB
        case .npp: return .exportNPP
        case .address: return .exportAddress
        case .kelurahan: return .exportKelurahan
        case .kecamatan: return .exportKecamatan
        case .kbli: return .exportKBLI
        case .sector: return .exportSector
        case .owner: return .exportOwner
        case .phone: return .exportPhone
        case .estimatedWorkers: return .exportEstimatedWorkers
        case .registeredWorkers: return .exportRegisteredWorkers
        case .unprotectedWorkers: return .exportUnprotectedWorkers
        case .scale: return .exportScale
        case .status: return .exportStatus
        case .stage: return .exportStage
        case .caseOpened: return .exportCaseOpened
        case .nextDeadline: return .exportNextDeadline
        case .assignee: return .exportAssignee
        }
    }
}

/// What an export holds and how each value reads: the columns of a kind, their headers in the
/// user's language, and each row's cells.
///
/// CSV is for people (Excel): labels in the user's language (stage `Teguran I`, scale `mikro`),
/// control characters shown as their pictures (`␛`, as on screen; tab and line break kept).
/// JSON is for programs: stable codes (`warning1`, `mikro`) and the text as it is (the writer
/// escapes what a terminal could act on). Dates are ISO (`2026-11-27`) in both, which Excel
/// reads as a date in any locale. A value nobody gave is left empty (`null` in JSON), never
/// written as the default that stands for it: a blank Bentuk Usaha (kept as Perorangan), a
/// blank worker count (kept as 0), and what follows from such a count (the unprotected
/// workers, the scale). Imported again, an empty cell changes nothing.
public struct ExportTable: Sendable {
    public let kind: ExportKind
    public let format: ExportFormat
    public let strings: Strings
    public let columns: [ExportColumn]

    public init(kind: ExportKind, format: ExportFormat, strings: Strings) {
        self.kind = kind
        self.format = format
        self.strings = strings
        let company: [ExportColumn] = [
            .companyID, .name, .legalForm, .npwp, .nib, .npp, .address, .kelurahan, .kecamatan, .kbli, .sector, .owner,
            .phone, .estimatedWorkers, .registeredWorkers, .unprotectedWorkers, .scale, .status, .stage, .nextDeadline,
        ]
        switch kind {
        case .companies: columns = company
        case .cases: columns = [.caseID] + company + [.caseOpened, .assignee]
        }
    }

    /// The header line: each column's JSON key and its header in the user's language.
    public var headers: [(key: String, header: String)] {
        columns.map { ($0.jsonKey, strings.text($0.headerKey)) }
    }

    /// The cells of one row, in column order.
    public func cells(_ row: ExportRow) -> [ExportCell] {
        columns.map { value($0, row) }
    }

    func value(_ column: ExportColumn, _ row: ExportRow) -> ExportCell {
        let c = row.company
        let k = row.complianceCase
        let forPeople = format == .csv
        func text(_ s: String?) -> ExportCell {
            guard let s, !s.isEmpty else { return .empty }
            return .text(forPeople ? Self.readable(s) : s)
        }
        /// A code in digits: for people, kept as text by the spreadsheet (`ExportCell.code`).
        func code(_ s: String?) -> ExportCell {
            guard let s, !s.isEmpty else { return .empty }
            return forPeople ? .code(Self.readable(s)) : .text(s)
        }
        switch column {
        case .caseID: return k.map { .number(Int($0.id)) } ?? .empty
        case .companyID: return .number(Int(c.id))
        case .name: return text(c.name)
        case .legalForm: return text(c.givenLegalForm?.rawValue)
        case .npwp: return text(c.npwp?.formatted)
        case .nib: return code(c.nib?.digits)
        case .npp: return code(c.npp?.digits)
        case .address: return text(c.address)
        case .kelurahan: return text(c.kelurahan)
        case .kecamatan: return text(c.kecamatan)
        case .kbli: return code(c.sector.code)
        case .sector: return text(c.sector.label)
        case .owner: return text(c.owner)
        case .phone: return code(c.phone)
        case .estimatedWorkers: return c.givenEstimatedWorkers.map(ExportCell.number) ?? .empty
        case .registeredWorkers: return .number(c.registeredWorkers)
        case .unprotectedWorkers: return c.givenUnprotectedWorkers.map(ExportCell.number) ?? .empty
        case .scale: return text(c.givenScale.map { forPeople ? strings.scale($0) : $0.rawValue })
        case .status: return text(c.status.code)
        case .stage: return text(k.map { forPeople ? strings.stage($0.stage) : $0.stage.rawValue })
        case .caseOpened: return text(k?.openedOn.iso)
        case .nextDeadline: return text(k?.nextDeadline?.iso)
        case .assignee: return text(row.assignee)
        }
    }

    /// Text as a person may read it: a line break (CR LF, CR or LF) becomes LF, tabs stay, every
    /// other control character shows as on screen (`Buffer.sanitize`), so nothing in the file acts
    /// on a terminal that prints it.
    static func readable(_ s: String) -> String {
        var needs = false
        for v in s.unicodeScalars where v.value < 0x20 || (0x7F...0x9F).contains(v.value) || (0x200E...0x2069).contains(v.value) {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        for ch in s.replacingOccurrences(of: "\r\n", with: "\n") {
            if ch == "\n" || ch == "\t" || ch == "\r" { out.append(ch == "\r" ? "\n" : ch) } else { out.append(Buffer.sanitize(ch)) }
        }
        return out
    }
}
