/// Where a value about a company came from.
public enum DataSource: String, CaseIterable, Sendable, Codable, Hashable {
    /// The city government's list (licensing office DPMPTSP, manpower office Dinperinaker).
    case pemkot
    /// BPJAMSOSTEK's own records.
    case bpjs
    /// Entered or corrected by branch staff.
    case manual
    /// Generated demo data.
    case demo
}

/// A value of one company field as one source gave it.
public struct SourcedValue: Hashable, Sendable, Codable {
    public let field: String
    public let source: DataSource
    public let value: String

    public init(field: String, source: DataSource, value: String) {
        self.field = field
        self.source = source
        self.value = value
    }
}

/// An employer the branch tracks.
public struct Company: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var legalForm: LegalForm
    public var npwp: NPWP?
    public var nib: NIB?
    public var npp: NPP?
    public var sector: Sector
    public var address: String
    public var kelurahan: String
    public var kecamatan: String
    public var phone: String
    public var owner: String
    public var estimatedWorkers: Int
    public var registeredWorkers: Int
    public var scale: Scale
    public var status: ComplianceStatus

    public init(
        id: Int64, name: String, legalForm: LegalForm, npwp: NPWP?, nib: NIB?, npp: NPP?, sector: Sector,
        address: String, kelurahan: String, kecamatan: String, phone: String, owner: String,
        estimatedWorkers: Int, registeredWorkers: Int, scale: Scale, status: ComplianceStatus
    ) {
        self.id = id
        self.name = name
        self.legalForm = legalForm
        self.npwp = npwp
        self.nib = nib
        self.npp = npp
        self.sector = sector
        self.address = address
        self.kelurahan = kelurahan
        self.kecamatan = kecamatan
        self.phone = phone
        self.owner = owner
        self.estimatedWorkers = estimatedWorkers
        self.registeredWorkers = registeredWorkers
        self.scale = scale
        self.status = status
    }

    /// Workers without protection: estimated minus registered, never negative.
    public var unprotectedWorkers: Int { Company.unprotected(estimated: estimatedWorkers, registered: registeredWorkers) }

    /// The name with its legal form as people write it: `PT Batik Sekar Jaya`, `Koperasi …`.
    public var displayName: String { legalForm.displayName(name) }

    /// Workers without protection for the given counts, never negative.
    public static func unprotected(estimated: Int, registered: Int) -> Int { max(0, estimated - registered) }
}

/// One line of the companies list: only what the table shows.
public struct CompanyRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var legalForm: LegalForm
    public var kecamatan: String
    public var sectorCode: String
    public var estimatedWorkers: Int
    public var registeredWorkers: Int
    public var status: ComplianceStatus
    public var stage: Stage?
    public var nextDeadline: Day?
    /// Shown on wide terminals.
    public var kelurahan: String
    public var npwp: NPWP?

    public init(
        id: Int64, name: String, legalForm: LegalForm, kecamatan: String, sectorCode: String,
        estimatedWorkers: Int, registeredWorkers: Int, status: ComplianceStatus, stage: Stage?, nextDeadline: Day?,
        kelurahan: String = "", npwp: NPWP? = nil
    ) {
        self.kelurahan = kelurahan
        self.npwp = npwp
        self.id = id
        self.name = name
        self.legalForm = legalForm
        self.kecamatan = kecamatan
        self.sectorCode = sectorCode
        self.estimatedWorkers = estimatedWorkers
        self.registeredWorkers = registeredWorkers
        self.status = status
        self.stage = stage
        self.nextDeadline = nextDeadline
    }

    public var unprotectedWorkers: Int { Company.unprotected(estimated: estimatedWorkers, registered: registeredWorkers) }
    public var sector: Sector { Sector.forCode(sectorCode) }
    public var displayName: String { legalForm.displayName(name) }
}

/// A compliance case: one company's path up (or off) the ladder.
public struct ComplianceCase: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var companyID: Int64
    public var stage: Stage
    public var openedOn: Day
    public var nextDeadline: Day?
    public var assignee: String?

    public init(id: Int64, companyID: Int64, stage: Stage, openedOn: Day, nextDeadline: Day?, assignee: String?) {
        self.id = id
        self.companyID = companyID
        self.stage = stage
        self.openedOn = openedOn
        self.nextDeadline = nextDeadline
        self.assignee = assignee
    }
}

/// Everything the company detail screen shows.
public struct CompanyDetail: Hashable, Sendable {
    public var company: Company
    public var sources: [SourcedValue]
    public var complianceCase: ComplianceCase?
    /// The case history, newest first.
    public var events: [CaseEvent]
    /// The names of the officers who recorded the events, by login.
    public var actorNames: [String: String]

    public init(
        company: Company, sources: [SourcedValue], complianceCase: ComplianceCase?, events: [CaseEvent],
        actorNames: [String: String] = [:]
    ) {
        self.company = company
        self.sources = sources
        self.complianceCase = complianceCase
        self.events = events
        self.actorNames = actorNames
    }

    /// Who recorded `event`: the officer's name, or the login when it is not (or no longer) an officer.
    public func actorName(_ event: CaseEvent) -> String { actorNames[event.actor] ?? event.actor }

    /// The sources that gave `field`, in a stable order.
    public func sources(of field: String) -> [DataSource] {
        let s = Set(sources.filter { $0.field == field }.map(\.source))
        return DataSource.allCases.filter(s.contains)
    }

    /// The date the case reached each ladder stage, from its stage-change events.
    public var stageReached: [Stage: Day] {
        var out: [Stage: Day] = [:]
        if let c = complianceCase { out[.identified] = c.openedOn }
        for e in events.reversed() where e.kind == .stageChange {
            if let to = e.detail.toStage { out[to] = e.occurredOn }
        }
        return out
    }
}
