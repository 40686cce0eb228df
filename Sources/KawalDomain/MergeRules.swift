/// What merging one import row into a known company changes.
public struct MergePlan: Hashable, Sendable {
    /// The company after the merge.
    public var company: Company
    /// Provenance rows to write (each replaces the row of the same field and source).
    public var sources: [SourcedValue]
    /// Whether any of the company's own values changed.
    public var companyChanged: Bool

    /// Whether the row changes nothing at all.
    public var isUnchanged: Bool { !companyChanged && sources.isEmpty }
}

/// How an import row becomes a company or is merged into one, keeping where each value came from.
public enum MergeRules {
    /// Identifier fields always keep a provenance row per source, even when the sources agree.
    static let identityFields: Set<CompanyField> = [.npwp, .nib, .npp]

    /// A new company from a row, and the provenance rows it starts with (its identifiers).
    ///
    /// The company's other values are known to come from its origin, the list that brought it in.
    public static func newCompany(_ r: ImportRecord) -> (company: Company, sources: [SourcedValue]) {
        let c = r.newCompany()
        let sources = CompanyField.allCases.compactMap { f -> SourcedValue? in
            guard identityFields.contains(f), let v = r.value(f) else { return nil }
            return SourcedValue(field: f.rawValue, source: r.source.dataSource, value: v)
        }
        return (c, sources)
    }

    /// Whether a company whose values came from `origin` carries a value of its own for `field`
    /// (a list without that column left a default in it).
    static func originGives(_ origin: DataSource?, _ field: CompanyField) -> Bool {
        switch origin {
        case .pemkot?: return ImportLayout.defaultColumns(.pemkot).contains(field)
        case .bpjs?: return ImportLayout.defaultColumns(.bpjs).contains(field)
        case .manual?, .demo?, nil: return true
        }
    }

    /// Whether a company's value for `field` is what a row that left the cell empty gives it
    /// (`ImportRecord.newCompany`) and says nothing: no text, 0 estimated workers (nobody lists
    /// an employer with none), or the sole-proprietor legal form a name without one gets.
    static func isUnset(_ field: CompanyField, _ value: String) -> Bool {
        switch field {
        case .estimatedWorkers: return value.isEmpty || value == "0"
        case .legalForm: return value.isEmpty || value == LegalForm.perorangan.rawValue
        default: return value.isEmpty
        }
    }

    /// Whether every value the row gives equals the company's (the row says nothing new).
    public static func givesNothingNew(_ r: ImportRecord, to c: Company) -> Bool {
        CompanyField.allCases.allSatisfy { f in r.value(f).map { $0 == f.value(of: c) } ?? true }
    }

    /// Whether `r`, a row of a file that an earlier row of the same file already matched or added
    /// to company `c`, gives one of the fields those rows gave a different value: the file gives
    /// one company different values on different rows (OSS lists one row per KBLI code, say).
    /// The merge keeps the last row's value, so the file says the company's value only with its
    /// last row.
    ///
    /// `earlier`: the fields the earlier rows gave; nil when the file added the company, so that
    /// every value it has that is not unset (`isUnset`) came from them. What they gave is what the
    /// row's list has recorded for the field, else the company's value (`merge` records the
    /// list's value whenever it differs from the company's).
    public static func contradicts(_ r: ImportRecord, earlier: Set<CompanyField>?, company c: Company, sources: [SourcedValue]) -> Bool {
        let t = r.source.dataSource
        return CompanyField.allCases.contains { f in
            guard let v = r.value(f), earlier?.contains(f) ?? true else { return false }
            let given = sources.first { $0.field == f.rawValue && $0.source == t }?.value ?? f.value(of: c)
            return given != v && (earlier != nil || !isUnset(f, given))
        }
    }

    /// Merges a row into the company it matched.
    ///
    /// For each value the row gives: equal to the company's, nothing changes (identifiers still
    /// record that this source agrees). Different: the row's value replaces the company's when its
    /// source is authoritative for the field (`CompanyField.authority`), when the company's value
    /// was only a default, or when the same source gave the old value (a newer list supersedes
    /// it), unless the old value came from the authoritative source. Otherwise the company keeps
    /// its value. Either way both values stay recorded with their sources, so a conflict (for
    /// example two estimated worker counts) remains visible.
    public static func merge(_ r: ImportRecord, into existing: Company, origin: DataSource?, sources: [SourcedValue]) -> MergePlan {
        var c = existing
        var rows: [SourcedValue] = []
        let t = r.source.dataSource
        func recorded(_ f: CompanyField, _ s: DataSource) -> String? {
            sources.first { $0.field == f.rawValue && $0.source == s }?.value
        }
        for f in CompanyField.allCases {
            guard let v = r.value(f) else { continue }
            let current = f.value(of: c)
            let mine = recorded(f, t)
            if v == current {
                if mine != nil && mine != v || mine == nil && identityFields.contains(f) {
                    rows.append(SourcedValue(field: f.rawValue, source: t, value: v))
                }
                continue
            }
            // Who gave the current value: a source that recorded it (the authoritative one first), else the origin.
            let recordedBy = sources.filter { $0.field == f.rawValue && $0.value == current }.map(\.source)
            let holder: DataSource?
            if let a = f.authority, recordedBy.contains(a) {
                holder = a
            } else if let s = recordedBy.first {
                holder = s
            } else if isUnset(f, current) || !originGives(origin, f) {
                holder = nil
            } else {
                holder = origin ?? .manual
            }
            let apply = holder == nil || f.authority == t || holder == t
            if mine != v { rows.append(SourcedValue(field: f.rawValue, source: t, value: v)) }
            if let holder, holder != t, recorded(f, holder) != current {
                rows.append(SourcedValue(field: f.rawValue, source: holder, value: current))
            }
            if apply { set(f, v, on: &c) }
        }
        return MergePlan(company: c, sources: rows, companyChanged: c != existing)
    }

    /// The row a company stands for when a person merges it into another (the duplicate
    /// review): the values the list that brought it in gave. Those are its origin list's
    /// columns, and a legal form its name carried (`CV Garmen Mulya` on a BPJAMSOSTEK list,
    /// which has no legal form column), so that the merge records the same sources, and the
    /// same conflicts, as when an import matched the row to the company itself. A value the
    /// row left unset (`isUnset`) is not given: a blank Bentuk Usaha or worker count never
    /// overwrites the other company's.
    public static func record(standingFor incoming: Company, origin: DataSource?) -> ImportRecord {
        let source: ImportSource = origin == .bpjs ? .bpjs : .pemkot
        var r = ImportRecord(source: source, name: incoming.name)
        let columns = ImportLayout.defaultColumns(source)
        for f in CompanyField.allCases where f != .name {
            let v = f.value(of: incoming)
            guard columns.contains(f) || f == .legalForm, !isUnset(f, v) else { continue }
            switch f {
            case .legalForm: r.legalForm = incoming.legalForm
            case .npwp: r.npwp = incoming.npwp
            case .nib: r.nib = incoming.nib
            case .npp: r.npp = incoming.npp
            case .kbli: r.kbli = v
            case .address: r.address = v
            case .kelurahan: r.kelurahan = v
            case .kecamatan: r.kecamatan = v
            case .phone: r.phone = v
            case .owner: r.owner = v
            case .estimatedWorkers: r.estimatedWorkers = incoming.estimatedWorkers
            case .registeredWorkers: r.registeredWorkers = incoming.registeredWorkers
            case .status: r.status = incoming.status
            case .name: break
            }
        }
        return r
    }

    /// Sets a field from its text value (as `ImportRecord.value` gives it).
    static func set(_ f: CompanyField, _ v: String, on c: inout Company) {
        switch f {
        case .name: c.name = v
        case .legalForm: c.legalForm = LegalForm(rawValue: v) ?? c.legalForm
        case .npwp: c.npwp = try? NPWP(v)
        case .nib: c.nib = try? NIB(v)
        case .npp: c.npp = try? NPP(v)
        case .kbli: c.sector = Sector.forCode(v)
        case .address: c.address = v
        case .kelurahan: c.kelurahan = v
        case .kecamatan: c.kecamatan = v
        case .phone: c.phone = v
        case .owner: c.owner = v
        case .estimatedWorkers:
            c.estimatedWorkers = Int(v) ?? c.estimatedWorkers
            c.scale = .forWorkers(c.estimatedWorkers)
        case .registeredWorkers: c.registeredWorkers = Int(v) ?? c.registeredWorkers
        case .status: c.status = ComplianceStatus(rawValue: v) ?? c.status
        }
    }
}

extension Company {
    /// The legal form, nil when none was given: a blank Bentuk Usaha is kept as Perorangan,
    /// which says nothing (`MergeRules.isUnset`). Perorangan over a name that carries another
    /// form (`Koperasi Batik Sekar`) was given, though: a list said so, and an import splits
    /// the word off the name unless the form is written beside it.
    public var givenLegalForm: LegalForm? {
        guard MergeRules.isUnset(.legalForm, CompanyField.legalForm.value(of: self)) else { return legalForm }
        let split = CompanyName.splitLegalForm(name)
        return split.form != nil && !split.rest.isEmpty ? legalForm : nil
    }

    /// The estimated workers, nil when no count was given (kept as 0: `MergeRules.isUnset`).
    public var givenEstimatedWorkers: Int? {
        MergeRules.isUnset(.estimatedWorkers, CompanyField.estimatedWorkers.value(of: self)) ? nil : estimatedWorkers
    }

    /// The workers without protection, nil when the estimated count is unknown (the difference
    /// would be a guess).
    public var givenUnprotectedWorkers: Int? { givenEstimatedWorkers.map { Company.unprotected(estimated: $0, registered: registeredWorkers) } }

    /// The scale, nil when it is only what an unknown worker count gives (`Scale.forWorkers(0)`).
    public var givenScale: Scale? { givenEstimatedWorkers == nil && scale == .forWorkers(0) ? nil : scale }
}

/// What an import does to cases. Nothing else about an existing case changes.
public enum ImportCaseRule {
    public enum Action: Hashable, Sendable {
        case none
        /// Open a case at `identified` for a new non-compliant company.
        case openIdentified
        /// Record on the open case that BPJAMSOSTEK now reports the company as compliant.
        case recordCompliance(caseID: Int64)
    }

    /// For a company the import adds: a case at `identified` unless it is compliant.
    public static func forNewCompany(_ c: Company) -> Action {
        c.status.isCompliant ? .none : .openIdentified
    }

    /// For a company a row was merged into: a compliance event when BPJAMSOSTEK's list turns it
    /// Patuh while its case is open.
    public static func forMerged(before: Company, after: Company, source: ImportSource, openCase: ComplianceCase?) -> Action {
        guard turnsCompliant(before: before, after: after, source: source), let kase = openCase, !kase.stage.isEnd else { return .none }
        return .recordCompliance(caseID: kase.id)
    }

    /// Whether the merge is BPJAMSOSTEK's list turning the company Patuh: only then does its
    /// case matter (`forMerged`), so the store need not read the case otherwise.
    public static func turnsCompliant(before: Company, after: Company, source: ImportSource) -> Bool {
        source == .bpjs && after.status == .patuh && before.status != .patuh
    }

    /// The history entry of a compliance event: a note saying what the data said, naming the file.
    public static func complianceNote(fileName: String) -> EventDetail {
        EventDetail(reason: "BPJAMSOSTEK: Patuh", text: fileName)
    }
}

/// What a review merge does to the two companies' cases: the company it makes has one open case.
public enum CaseMergeRule {
    /// An open case of either company.
    public struct OpenCase: Hashable, Sendable {
        public var id: Int64
        public var stage: Stage
        public var openedOn: Day
        /// Whether anything was recorded on it (a case an import opened and nobody worked has nothing).
        public var hasHistory: Bool
        /// Whether it came with the company merged in, rather than being the existing company's.
        public var cameWithMerge: Bool

        public init(id: Int64, stage: Stage, openedOn: Day, hasHistory: Bool, cameWithMerge: Bool = false) {
            self.id = id
            self.stage = stage
            self.openedOn = openedOn
            self.hasHistory = hasHistory
            self.cameWithMerge = cameWithMerge
        }
    }

    public struct Plan: Hashable, Sendable {
        /// The case that goes on; nil when none stays open.
        public var keep: Int64?
        /// Cases with no history: removed, as if never opened.
        public var remove: [Int64]
        /// Cases with history: closed as duplicates (`ClosingReason.duplicate`) naming `keep`.
        /// Their history stays, on them.
        public var close: [Int64]

        public init(keep: Int64?, remove: [Int64], close: [Int64]) {
            self.keep = keep
            self.remove = remove
            self.close = close
        }
    }

    /// Of the cases with history, the one furthest up the ladder goes on: its letters, visits
    /// and deadlines are what the next step needs, and closing it would undo the ladder's
    /// steps. On the same rung, the older one (then the lower number). The others are closed as
    /// duplicates, and the cases with no history are removed.
    ///
    /// When nobody worked any of them, the existing company's case goes on, as an import would
    /// leave it. The one that came with the merge goes on only when the company has no other
    /// and is not compliant (an import opens a case for a non-compliant company, and none for a
    /// compliant one); the rest are removed.
    public static func plan(_ open: [OpenCase], companyIsCompliant: Bool) -> Plan {
        let worked = open.filter(\.hasHistory)
        let idle = open.filter { !$0.hasHistory }.sorted { $0.id < $1.id }
        if let best = worked.min(by: goesOnBefore) {
            return Plan(keep: best.id, remove: idle.map(\.id), close: worked.filter { $0.id != best.id }.map(\.id).sorted())
        }
        let keep = idle.first { !$0.cameWithMerge } ?? (companyIsCompliant ? nil : idle.first)
        return Plan(keep: keep?.id, remove: idle.map(\.id).filter { $0 != keep?.id }, close: [])
    }

    /// Whether `a` rather than `b` should go on.
    static func goesOnBefore(_ a: OpenCase, _ b: OpenCase) -> Bool {
        let ra = a.stage.rung ?? -1, rb = b.stage.rung ?? -1
        if ra != rb { return ra > rb }
        if a.openedOn != b.openedOn { return a.openedOn < b.openedOn }
        return a.id < b.id
    }
}
