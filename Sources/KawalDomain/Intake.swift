/// A list the branch imports: the city's or BPJAMSOSTEK's.
public enum ImportSource: String, CaseIterable, Sendable, Codable, Hashable {
    /// The city government's list (Pemkot: DPMPTSP licensing, Dinperinaker manpower).
    case pemkot
    /// BPJAMSOSTEK's own list.
    case bpjs

    /// The provenance its values carry.
    public var dataSource: DataSource {
        switch self {
        case .pemkot: return .pemkot
        case .bpjs: return .bpjs
        }
    }
}

/// What one import did with the rows of its file. Every row read lands in exactly one of
/// the other counts: `read == new + merged + unchanged + flagged + rejected`.
public struct ImportCounts: Hashable, Sendable, Codable {
    /// Data rows read (the header not counted).
    public var read: Int
    /// Rows that became new companies.
    public var new: Int
    /// Rows merged into an existing company (matched by NPWP, NIB or NPP) that changed something.
    public var merged: Int
    /// Rows that matched an existing company and changed nothing.
    public var unchanged: Int
    /// Rows imported as new companies and queued for review as possible duplicates of another.
    public var flagged: Int
    /// Rows refused by the row checks, written to the rejected file.
    public var rejected: Int

    public init(read: Int = 0, new: Int = 0, merged: Int = 0, unchanged: Int = 0, flagged: Int = 0, rejected: Int = 0) {
        self.read = read
        self.new = new
        self.merged = merged
        self.unchanged = unchanged
        self.flagged = flagged
        self.rejected = rejected
    }
}

/// One recorded import: who ran it, when, from which file, and what it did.
public struct ImportRun: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var source: ImportSource
    /// The file as the user named it (its path).
    public var fileName: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    /// The OS login that ran the import.
    public var actor: String
    /// When it started and finished, seconds since 1970 UTC.
    public var startedAt: Int64
    public var finishedAt: Int64
    public var counts: ImportCounts
    /// Header cells that matched no known column (ignored), as written in the file.
    public var unknownColumns: [String]
    /// The file this import wrote its refused rows to, while it is still there and no later
    /// import of the same file has replaced it.
    public var rejectedFile: String?

    public init(
        id: Int64, source: ImportSource, fileName: String, sha256: String, actor: String, startedAt: Int64,
        finishedAt: Int64, counts: ImportCounts, unknownColumns: [String], rejectedFile: String? = nil
    ) {
        self.rejectedFile = rejectedFile
        self.id = id
        self.source = source
        self.fileName = fileName
        self.sha256 = sha256
        self.actor = actor
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.counts = counts
        self.unknownColumns = unknownColumns
    }
}

/// Why two companies were queued as a possible duplicate.
public enum DuplicateReason: String, CaseIterable, Sendable, Codable, Hashable {
    /// The same normalised name in the same kelurahan.
    case sameNameSameKelurahan
    /// The same normalised name at a similar address.
    case sameNameSimilarAddress
}

/// Where a possible duplicate stands.
public enum DuplicateStatus: String, CaseIterable, Sendable, Codable, Hashable {
    /// Waiting for a person to decide.
    case pending
    /// A person merged the two into one company.
    case merged
    /// A person decided they are different companies.
    case keptApart
}

/// What a person decides about a possible duplicate.
public enum DuplicateDecision: String, CaseIterable, Sendable, Codable, Hashable {
    /// The same company: the newer record is merged into the existing one and removed.
    case merge
    /// Different companies: both stay, and the pair is not proposed again.
    case keepApart
}

/// Two companies an import found alike but could not prove the same: never merged automatically.
/// Which page of the pending possible duplicates to read (they are ordered by id, oldest first).
public enum DuplicatePage: Hashable, Sendable {
    /// The oldest.
    case first
    /// From this pair on (it included): the same page again, less what was decided.
    case from(Int64)
    /// The ones after this pair.
    case after(Int64)
    /// The ones just before this pair.
    case before(Int64)
    /// The newest.
    case last
}

/// A page of pending possible duplicates, and where it lies in the queue.
public struct PendingDuplicates: Hashable, Sendable {
    public var pairs: [DuplicatePair]
    /// Pairs waiting in all.
    public var pending: Int
    /// How many pending pairs come before the page's first.
    public var firstIndex: Int

    public init(pairs: [DuplicatePair], pending: Int, firstIndex: Int) {
        self.pairs = pairs
        self.pending = pending
        self.firstIndex = firstIndex
    }
}

public struct DuplicatePair: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// The company that was there first.
    public var existing: Company
    /// The company the import added (it survives only if kept apart).
    public var incoming: Company
    public var reason: DuplicateReason
    public var status: DuplicateStatus
    /// The import that found the pair.
    public var importRunID: Int64
    /// When the import found it, seconds since 1970 UTC.
    public var flaggedAt: Int64
    /// Who decided, and when (nil while pending).
    public var resolvedBy: String?
    public var resolvedAt: Int64?
    /// Each company's current case (its open one, else its latest): a merge leaves one open.
    public var existingCase: ComplianceCase?
    public var incomingCase: ComplianceCase?

    public init(
        id: Int64, existing: Company, incoming: Company, reason: DuplicateReason, status: DuplicateStatus,
        importRunID: Int64, flaggedAt: Int64, resolvedBy: String? = nil, resolvedAt: Int64? = nil,
        existingCase: ComplianceCase? = nil, incomingCase: ComplianceCase? = nil
    ) {
        self.id = id
        self.existing = existing
        self.incoming = incoming
        self.reason = reason
        self.status = status
        self.importRunID = importRunID
        self.flaggedAt = flaggedAt
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.existingCase = existingCase
        self.incomingCase = incomingCase
    }
}

/// The company fields an import can give, named as they are stored with their sources
/// (`SourcedValue.field`, the `field_source` table).
public enum CompanyField: String, CaseIterable, Sendable, Codable, Hashable {
    case name
    case legalForm
    case npwp
    case nib
    case npp
    case kbli
    case address
    case kelurahan
    case kecamatan
    case phone
    case owner
    case estimatedWorkers
    case registeredWorkers
    case status

    /// The source whose value wins for this field, if one is authoritative.
    ///
    /// BPJAMSOSTEK decides compliance status, NPP and registered workers; the city decides
    /// NIB, the licensing identity (name and legal form) and the kelurahan.
    public var authority: DataSource? {
        switch self {
        case .status, .npp, .registeredWorkers: return .bpjs
        case .nib, .name, .legalForm, .kelurahan: return .pemkot
        default: return nil
        }
    }

    /// The field's value on a company, as text (the form `SourcedValue.value` holds).
    public func value(of c: Company) -> String {
        switch self {
        case .name: return c.name
        case .legalForm: return c.legalForm.rawValue
        case .npwp: return c.npwp?.digits ?? ""
        case .nib: return c.nib?.digits ?? ""
        case .npp: return c.npp?.digits ?? ""
        case .kbli: return c.sector.code
        case .address: return c.address
        case .kelurahan: return c.kelurahan
        case .kecamatan: return c.kecamatan
        case .phone: return c.phone
        case .owner: return c.owner
        case .estimatedWorkers: return String(c.estimatedWorkers)
        case .registeredWorkers: return String(c.registeredWorkers)
        case .status: return c.status.rawValue
        }
    }
}

extension CompanyField {
    /// What two sources' values of this field are compared by, when deciding whether they
    /// disagree. Lists write the same thing differently: BPJAMSOSTEK in capitals and without
    /// punctuation (`TOKO SUMBER REJEKI`, `JL HAYAM WURUK 7`), the city with them (`Toko Sumber
    /// Rejeki`, `Jl. Hayam Wuruk No. 7`). Names compare as the import matches them (legal form,
    /// case and punctuation aside: the legal form is a field of its own), addresses as the
    /// import's address words (`Jl.` is `Jalan`, `No.` left out), places and owners by their
    /// folded words, phone numbers by their digits; anything else as written.
    public func comparisonKey(_ value: String) -> String {
        switch self {
        case .name: return CompanyName.matchKey(value)
        case .address: return AddressMatch.words(value).joined(separator: " ")
        case .kelurahan, .kecamatan, .owner: return TextFold.words(value).joined(separator: " ")
        case .phone: return String(value.filter(\.isNumber))
        case .legalForm, .npwp, .nib, .npp, .kbli, .estimatedWorkers, .registeredWorkers, .status: return value
        }
    }
}

extension CompanyDetail {
    /// The values each source gave for the fields where the sources disagree, in field order.
    ///
    /// A field is in conflict when at least two sources recorded values for it that differ by
    /// more than their spelling (`CompanyField.comparisonKey`): the estimated workers the city
    /// and BPJAMSOSTEK each report, say, but not a name one list writes in capitals. Both are
    /// kept, as written.
    public var conflicts: [(field: CompanyField, values: [SourcedValue])] {
        var out: [(field: CompanyField, values: [SourcedValue])] = []
        for field in CompanyField.allCases {
            let given = sources.filter { $0.field == field.rawValue }
            guard Set(given.map { field.comparisonKey($0.value) }).count > 1 else { continue }
            let order = DataSource.allCases
            out.append((field, given.sorted { order.firstIndex(of: $0.source)! < order.firstIndex(of: $1.source)! }))
        }
        return out
    }
}

extension Scale {
    /// The scale an import assumes from a worker count (BPS convention: micro under 5 workers,
    /// small under 20, medium under 100, large from 100).
    public static func forWorkers(_ workers: Int) -> Scale {
        workers < 5 ? .mikro : workers < 20 ? .kecil : workers < 100 ? .menengah : .besar
    }
}
