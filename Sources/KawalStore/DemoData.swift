import Foundation
import GRDB
import GRDBSQLite
import KawalDomain
import Synchronization

/// What demo data to write.
public struct DemoOptions: Sendable {
    /// How many companies.
    public var companies: Int
    /// The same seed always writes the same data.
    public var seed: UInt64
    /// Every event happens before this day; deadlines fall around it (some overdue, some upcoming).
    public var today: Day
    /// The OS login writing the demo: registered as its admin (named "Admin Demo", so screens do
    /// not depend on who wrote it) and assigned a share of the cases.
    public var creator: String?

    public init(companies: Int = 5_000, seed: UInt64 = 1, today: Day, creator: String? = nil) {
        self.companies = companies
        self.seed = seed
        self.today = today
        self.creator = creator
    }
}

/// A small, fast, seedable generator (SplitMix64), so demo data is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func inRange(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    /// An index into `weights`, chosen in proportion to them.
    mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
    mutating func digits(_ n: Int) -> String {
        var s = ""
        s.reserveCapacity(n)
        for _ in 0..<n { s.unicodeScalars.append(Unicode.Scalar(UInt8(48 + below(10)))) }
        return s
    }
}

extension AppDatabase {
    /// Writes a deterministic demo data set into an empty database (throws
    /// `StoreWriteError.demoNeedsEmptyDatabase` otherwise, so demo data never mixes with real data).
    ///
    /// Bulk load: indexes, FTS and the case-cache triggers are dropped during the load and
    /// rebuilt after; rows are committed every 100,000 companies so the page cache only holds
    /// the growing edges of the tables. If anything fails, the partial data is removed and
    /// the schema restored. `progress` is called at most about 100 times with 0...1.
    public func writeDemo(_ options: DemoOptions, progress: (@Sendable (Double) -> Void)?) throws {
        try writeDemo(options, progress: progress, failAfter: nil, commitEvery: 100_000)
    }

    /// `failAfter`: tests make the load fail after that many companies.
    func writeDemo(
        _ options: DemoOptions, progress: (@Sendable (Double) -> Void)?, failAfter: Int?, commitEvery: Int
    ) throws {
        if isReadOnly { throw StoreWriteError.readOnly(path: path) }
        // Idle pool readers keep the file open; closed, the load may leave WAL mode (below).
        (writer as? DatabasePool)?.releaseMemory()
        try writer.writeWithoutTransaction { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM company") ?? 0
            guard existing == 0 else { throw StoreWriteError.demoNeedsEmptyDatabase(companies: existing) }
            demoStopRequested.store(false, ordering: .sequentiallyConsistent)
            let stopped = { [self] () throws -> Void in
                if demoStopRequested.load(ordering: .sequentiallyConsistent) {
                    throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "the demo load was stopped")
                }
            }
            // The generated rows are consistent by construction: no foreign-key lookups per row.
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            let leftWAL = path != ":memory:" && (try? Self.leaveWAL(db)) == true
            defer {
                if leftWAL { Self.returnToWAL(db) }
                try? db.execute(sql: """
                    PRAGMA foreign_keys = \(db.configuration.foreignKeysEnabled ? "ON" : "OFF");
                    PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000; PRAGMA threads = 0
                    """)
            }
            do {
                try db.inTransaction {
                    for name in SchemaV1.companyIndexNames + SchemaIntake.companyIndexNames + CaseworkSchema.caseIndexNames {
                        try db.execute(sql: "DROP INDEX \(name)")
                    }
                    for name in SchemaV1.ftsTriggerNames + SchemaV1.caseCacheTriggerNames {
                        try db.execute(sql: "DROP TRIGGER \(name)")
                    }
                    return .commit
                }
                try db.beginTransaction()
                let sequences = try DemoLoader.consume(db, options, commitEvery: commitEvery, failAfter: failAfter, stopped: stopped) {
                    progress?($0 * 0.7)
                }
                try DemoLoader.writeOfficers(db, options, letterSequences: sequences)
                try db.commit()
                // A file's search index is built on a second connection while this one builds the
                // sort indexes, so the two use both cores; in memory it is rebuilt in place after.
                let searchBuild = path == ":memory:" ? nil : SearchIndexBuild(source: path, into: path + "-fts-build")
                defer {
                    demoSearchBuild.withLock { $0 = nil }
                    searchBuild?.remove()
                }
                demoSearchBuild.withLock { $0 = searchBuild }
                try stopped()
                searchBuild?.start(ftsSQL: try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'company_fts'") ?? "")
                // Index builds sort in parallel; dirty pages stay in memory (no spill), since the
                // file cannot be written while the search-index connection reads it.
                try db.execute(sql: SchemaV1.parallelIndexBuild + "; PRAGMA cache_spill = OFF")
                defer { try? db.execute(sql: "PRAGMA cache_spill = ON") }
                try db.inTransaction {
                    let indexes = SchemaV1.companyIndexes + SchemaIntake.companyIndexes + CaseworkSchema.caseIndexes
                    for (i, sql) in indexes.enumerated() {
                        try stopped()
                        try db.execute(sql: sql)
                        // Every other index, so the whole load reports about 100 times.
                        if i % 2 == 1 || i == indexes.count - 1 { progress?(0.7 + 0.2 * Double(i + 1) / Double(indexes.count)) }
                    }
                    if searchBuild == nil {
                        try db.execute(sql: """
                            INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', \(SearchIndexBuild.hashSize));
                            INSERT INTO company_fts(company_fts, rank) VALUES ('automerge', 0);
                            INSERT INTO company_fts(company_fts) VALUES ('rebuild');
                            INSERT INTO company_fts(company_fts) VALUES ('optimize');
                            INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', 1048576);
                            INSERT INTO company_fts(company_fts, rank) VALUES ('automerge', 4);
                            """)
                        try db.execute(sql: SchemaV1.ftsTriggers)
                        try db.execute(sql: SchemaV1.caseCacheTriggers)
                    }
                    // Committing needs the file to itself: the other connection must be done reading.
                    try searchBuild?.wait()
                    try stopped()
                    return .commit
                }
                if let searchBuild {
                    // ATTACH cannot run inside a transaction.
                    try db.execute(sql: "ATTACH DATABASE ? AS fts_build", arguments: [searchBuild.path])
                    defer { try? db.execute(sql: "DETACH DATABASE fts_build") }
                    try db.inTransaction {
                        // 'delete-all' also drops what this connection's FTS5 cached of the old index.
                        // The shadow tables have the same schema on both sides (the same CREATE
                        // VIRTUAL TABLE), so SQLite copies their b-trees record by record.
                        try db.execute(sql: """
                            INSERT INTO company_fts(company_fts) VALUES ('delete-all');
                            DELETE FROM company_fts_data; DELETE FROM company_fts_idx; DELETE FROM company_fts_docsize;
                            INSERT INTO company_fts_data SELECT * FROM fts_build.company_fts_data;
                            INSERT INTO company_fts_idx SELECT * FROM fts_build.company_fts_idx;
                            INSERT INTO company_fts_docsize SELECT * FROM fts_build.company_fts_docsize;
                            """)
                        try db.execute(sql: SchemaV1.ftsTriggers)
                        try db.execute(sql: SchemaV1.caseCacheTriggers)
                        return .commit
                    }
                }
                progress?(0.97)
            } catch {
                try? Self.undoDemo(db)
                throw error
            }
            // Statistics let the planner choose between a sort index and a filter index.
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            if !db.configuration.readonly, path != ":memory:" {
                _ = try? db.checkpoint(.truncate)
            }
            progress?(1)
        }
    }
}

/// Generates and inserts the demo rows through cached statements.
extension AppDatabase {
    /// After a failed demo load: removes its rows and restores indexes and triggers.
    static func undoDemo(_ db: Database) throws {
        if db.isInsideTransaction { try db.rollback() }
        try db.inTransaction {
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS case_event_no_delete;
                DELETE FROM case_event; DELETE FROM compliance_case; DELETE FROM field_source; DELETE FROM company;
                DELETE FROM letter_sequence; DELETE FROM officer WHERE added_by = 'demo';
                CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event BEGIN
                    SELECT RAISE(ABORT, 'case_event is append-only: record a correction event instead');
                END;
                """)
            for sql in SchemaV1.companyIndexes + SchemaIntake.companyIndexes + CaseworkSchema.caseIndexes {
                try db.execute(sql: sql.replacingOccurrences(of: "CREATE INDEX ", with: "CREATE INDEX IF NOT EXISTS "))
            }
            for name in SchemaV1.ftsTriggerNames + SchemaV1.caseCacheTriggerNames {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
            }
            try db.execute(sql: SchemaV1.ftsTriggers)
            try db.execute(sql: SchemaV1.caseCacheTriggers)
            try db.execute(sql: "INSERT INTO company_fts(company_fts) VALUES ('rebuild')")
            return .commit
        }
    }
}

/// The search index (`company_fts`) of a demo file, built on its own connection and thread into
/// a scratch database beside it, reading the committed company rows; copied in by `writeDemo`.
final class SearchIndexBuild: @unchecked Sendable {
    /// FTS5's pending-data hash: large enough for a million companies (about 600 MB used), so the
    /// index is written as one segment and 'optimize' has nothing to merge (it does for larger loads).
    static let hashSize = 1_073_741_824
    let source: String
    let path: String
    private let done = DispatchSemaphore(value: 0)
    private var started = false
    private var failure: (any Error)?
    /// The build's connection while it runs, to interrupt it.
    private let running = Mutex<DatabaseQueue?>(nil)
    private let stopRequested = Atomic<Bool>(false)

    init(source: String, into path: String) {
        self.source = source
        self.path = path
    }

    /// Starts building on a background thread; `ftsSQL` is the `CREATE VIRTUAL TABLE` of the source.
    func start(ftsSQL: String) {
        started = true
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do { try build(ftsSQL: ftsSQL) } catch { failure = error }
            done.signal()
        }
    }

    /// Makes a running build fail at once (the demo load was stopped).
    func interrupt() {
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        running.withLock { $0?.interrupt() }
    }

    /// Waits for the build; throws its error.
    func wait() throws {
        guard started else { return }
        done.wait()
        started = false
        if let failure { throw failure }
    }

    /// Waits for a running build, then removes the scratch database.
    func remove() {
        try? wait()
        AppDatabase.removeFiles(at: path)
    }

    private func build(ftsSQL: String) throws {
        AppDatabase.removeFiles(at: path)
        var config = Configuration()
        config.busyMode = .timeout(5)
        let queue = try DatabaseQueue(path: path, configuration: config)
        running.withLock { $0 = queue }
        defer { running.withLock { $0 = nil } }
        if stopRequested.load(ordering: .sequentiallyConsistent) {
            throw DatabaseError(resultCode: .SQLITE_INTERRUPT, message: "the demo load was stopped")
        }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            try db.execute(sql: ftsSQL)
            try db.execute(sql: """
                INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', \(Self.hashSize));
                INSERT INTO company_fts(company_fts, rank) VALUES ('automerge', 0);
                INSERT INTO company_fts(rowid, name_key, address_key, npwp, owner_key)
                    SELECT id, name_key, address_key, npwp, owner_key FROM source.company ORDER BY id;
                INSERT INTO company_fts(company_fts) VALUES ('optimize');
                """)
            try db.execute(sql: "DETACH DATABASE source")
        }
        try queue.close()
    }
}

/// Generates the demo rows (deterministic: one generator, one sequence) into batches.
struct DemoLoader {
    static let tables = [
        """
        INSERT INTO company(id, name, name_key, legal_form, npwp, nib, npp, kbli, address, address_key, kelurahan,
            kecamatan, phone, owner, owner_key, estimated_workers, registered_workers, unprotected_workers, scale,
            status, status_rank, stage, stage_rank, next_deadline, name_match)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        "INSERT INTO field_source(company_id, field, source, value) VALUES (?, ?, ?, ?)",
        "INSERT INTO compliance_case(id, company_id, stage, opened_on, next_deadline, assignee, escalation_opens, promise_until, referral_requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "INSERT INTO case_event(case_id, occurred_on, recorded_at, actor, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
    ]
    let options: DemoOptions
    var rng: SplitMix64
    let recorder = BulkRecorder()
    let companyStatement: RowSink
    let sourceStatement: RowSink
    let caseStatement: RowSink
    let eventStatement: RowSink
    var caseID: Int64 = 0
    /// The last letter number given per year (the branch's sequence continues after the demo's).
    var letterSequences: [Int: Int] = [:]
    var bapSerial = 0

    init(options: DemoOptions) {
        self.options = options
        rng = SplitMix64(seed: options.seed ^ 0x4B41_5741_4C00_0000)
        companyStatement = RowSink(table: 0, recorder: recorder)
        sourceStatement = RowSink(table: 1, recorder: recorder)
        caseStatement = RowSink(table: 2, recorder: recorder)
        eventStatement = RowSink(table: 3, recorder: recorder)
    }

    /// Generates companies `1...n` into `queue`, a batch at a time, on a background thread,
    /// so generating and inserting use both cores.
    static func produce(_ options: DemoOptions, into queue: BatchQueue) {
        DispatchQueue.global(qos: .userInitiated).async {
            var gen = DemoLoader(options: options)
            let n = max(0, options.companies)
            for i in 0..<n {
                gen.company(id: Int64(i + 1))
                if (i + 1) % 1_000 == 0 || i + 1 == n {
                    if !queue.put(gen.recorder.take()) { return }
                }
            }
            queue.finish(gen.letterSequences)
        }
    }

    /// Inserts what `produce` generates, inside a transaction the caller began, committing and
    /// beginning a new one every `commitEvery` companies; reports the share of companies written.
    @discardableResult
    static func consume(
        _ db: Database, _ options: DemoOptions, commitEvery: Int, failAfter: Int? = nil, stopped: () throws -> Void = {},
        progress: (Double) -> Void
    ) throws -> [Int: Int] {
        var statements = try tables.map { try BulkStatement(db, sql: $0) }
        let counts = statements.map(\.parameterCount)
        let queue = BatchQueue()
        produce(options, into: queue)
        defer { queue.cancel() }
        let n = max(1, options.companies)
        let step = max(1, n / 100)
        var written = 0
        while let batch = queue.take() {
            try stopped()
            var position = 0
            for t in batch.tables {
                let k = Int(t)
                try statements[k].run(batch, from: &position, count: counts[k])
                if k == 0 {
                    if written == failAfter { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "test failure") }
                    if written > 0 && written % commitEvery == 0 {
                        try db.commit()
                        try db.beginTransaction()
                    }
                    written += 1
                    if written % step == 0 { progress(Double(written) / Double(n)) }
                }
            }
        }
        progress(1)
        return queue.outcome ?? [:]
    }

    /// Registers the demo's officers, its writer as admin, and the letter numbers it used.
    static func writeOfficers(_ db: Database, _ options: DemoOptions, letterSequences: [Int: Int]) throws {
        let now = Int64(options.today.serial) * 86_400
        for o in DemoWords.officers + DemoWords.examiners + DemoWords.supervisors {
            try db.execute(sql: "INSERT OR IGNORE INTO officer(login, name, role, added_at, added_by) VALUES (?, ?, ?, ?, 'demo')",
                           arguments: [o.login, o.name, o.role.rawValue, now])
        }
        if let creator = options.creator, Officer.isValidLogin(creator) {
            // The writer may already be registered (as the database's first admin): name it for the demo.
            try db.execute(sql: """
                INSERT INTO officer(login, name, role, added_at, added_by) VALUES (?, ?, 'admin', ?, 'demo')
                ON CONFLICT(login) DO UPDATE SET name = excluded.name, role = 'admin'
                """, arguments: [creator, DemoWords.creatorName, now])
        }
        for (year, last) in letterSequences {
            try db.execute(sql: """
                INSERT INTO letter_sequence(branch, year, last) VALUES (?, ?, ?)
                ON CONFLICT(branch, year) DO UPDATE SET last = max(last, excluded.last)
                """, arguments: [BranchProfile.pekalongan.code, year, last])
        }
    }

    // MARK: Companies

    mutating func company(id: Int64) {
        let sectorIndex = rng.weighted(DemoWords.sectorWeights)
        let sector = Sector.known[sectorIndex]
        let name = companyName(sector: sectorIndex)
        let legal: LegalForm = [LegalForm.perorangan, .ud, .cv, .pt, .koperasi][rng.weighted(DemoWords.legalFormWeights(sectorIndex))]
        let kec = rng.pick(Kecamatan.pekalongan)
        let kelurahan = rng.pick(kec.kelurahan)
        let status = ComplianceStatus.allCases[rng.weighted([35, 25, 12, 8, 20])]
        var estimated: Int
        switch rng.weighted([50, 35, 12, 3]) {
        case 0: estimated = rng.inRange(1...4)
        case 1: estimated = rng.inRange(5...19)
        case 2: estimated = rng.inRange(20...99)
        default: estimated = rng.inRange(100...600)
        }
        let registered: Int
        switch status {
        case .pwbd: registered = 0
        case .pdsTK:
            estimated = max(estimated, 2)
            registered = rng.inRange(1...(estimated - 1))
        default: registered = estimated
        }
        let scale: Scale = estimated < 5 ? .mikro : estimated < 20 ? .kecil : estimated < 100 ? .menengah : .besar
        let npwp: String? = rng.chance(0.85) ? npwpDigits() : nil
        let nib: String? = rng.chance(0.7) ? "9120" + rng.digits(9) : nil
        let npp: String? = status == .pwbd ? nil : String(rng.inRange(1...3)) + rng.digits(7)
        let owner = ownerName()
        let address = self.address()
        let phone = rng.chance(0.4) ? "0285-4" + rng.digits(6) : "08" + rng.pick(DemoWords.mobilePrefixes) + rng.digits(rng.inRange(7...8))

        // The case, generated first so the company row carries its stage and deadline.
        var stage: Stage?
        if status == .patuh {
            if rng.chance(0.4) { stage = .compliant }
        } else if rng.chance(0.85) {
            stage = DemoWords.caseStages[rng.weighted(DemoWords.caseStageWeights)]
        }
        var history: CaseHistory?
        if let stage { history = caseHistory(stage: stage, estimated: estimated, registered: registered, owner: owner) }

        let stageValue: String? = stage?.rawValue
        let stageRank: Int? = stage?.order
        let deadline: String? = history.flatMap { Self.policy.nextDeadline($0.state) }?.iso
        companyStatement.bind(id)
        for text in [name, NameKey.fold(name), legal.rawValue, npwp, nib, npp, sector.code, address, NameKey.fold(address),
                     kelurahan, kec.name, phone, owner, NameKey.fold(owner)] { companyStatement.bind(text) }
        for n in [estimated, registered, max(0, estimated - registered)] { companyStatement.bind(n) }
        companyStatement.bind(scale.rawValue)
        companyStatement.bind(status.rawValue)
        companyStatement.bind(CompanyWriter.statusRank(status))
        companyStatement.bind(stageValue)
        companyStatement.bind(stageRank)
        companyStatement.bind(deadline)
        // The import's possible-duplicate key, so the first import into a demo need not fill it.
        companyStatement.bind(CompanyName.matchKey(name))
        companyStatement.run()

        if let npwp {
            // Every NPWP comes from at least one list: Pemkot's, or BPJS's for a company it
            // registered (one with an NPP), sometimes from both.
            if npp == nil {
                source(id, "npwp", .pemkot, npwp)
            } else {
                let both = rng.chance(0.2)
                let fromPemkot = both || rng.chance(0.5)
                if fromPemkot { source(id, "npwp", .pemkot, npwp) }
                if both || !fromPemkot { source(id, "npwp", .bpjs, npwp) }
            }
        }
        if let nib { source(id, "nib", .pemkot, nib) }
        if let npp { source(id, "npp", .bpjs, npp) }

        if let history, let stage {
            caseID += 1
            caseStatement.bind(caseID)
            caseStatement.bind(id)
            caseStatement.bind(stage.rawValue)
            caseStatement.bind(history.openedOn.iso)
            caseStatement.bind(deadline)
            caseStatement.bind(history.assignee)
            caseStatement.bind(Self.policy.escalationOpens(history.state)?.iso)
            caseStatement.bind(history.state.openPromise?.until.iso)
            caseStatement.bind(history.state.referralRequest?.requestedBy)
            caseStatement.run()
            for e in history.events {
                eventStatement.bind(caseID)
                eventStatement.bind(e.day.iso)
                eventStatement.bind(Int64(e.day.serial) * 86_400 + 7_200 + Int64(rng.below(28_800)))
                eventStatement.bind(e.actor)
                eventStatement.bind(e.kind.rawValue)
                eventStatement.bind { EventJSON.encode(e.detail, into: &$0) }
                eventStatement.run()
            }
        }
    }

    func source(_ id: Int64, _ field: String, _ source: DataSource, _ value: String) {
        sourceStatement.bind(id)
        sourceStatement.bind(field)
        sourceStatement.bind(source.rawValue)
        sourceStatement.bind(value)
        sourceStatement.run()
    }

    mutating func npwpDigits() -> String {
        // Valid: Luhn over the first nine digits (as NPWP.make computes it, without its retries).
        var d = (0..<8).map { _ in UInt8(rng.below(10)) }
        if d[0] == 0 { d[0] = 1 }
        var sum = 0
        for (i, v) in d.reversed().enumerated() {
            var x = Int(v)
            if i % 2 == 0 { x *= 2; if x > 9 { x -= 9 } }
            sum += x
        }
        d.append(UInt8((10 - sum % 10) % 10))
        let tail = rng.chance(0.85) ? "511000" : "5110" + rng.digits(2)
        return String(decoding: d.map { $0 + 48 }, as: UTF8.self) + tail
    }

    mutating func companyName(sector: Int) -> String {
        if rng.chance(0.004) { return rng.pick(DemoWords.accentedNames) }
        if rng.chance(0.003) { return rng.pick(DemoWords.longNames) }
        let w = DemoWords.names[sector]
        var name = rng.pick(w.heads) + " " + rng.pick(w.bodies)
        if rng.chance(0.35) { name += " " + rng.pick(DemoWords.suffixes) }
        return name
    }

    mutating func ownerName() -> String {
        let female = rng.chance(0.45)
        var s = female ? rng.pick(DemoWords.femaleNames) : rng.pick(DemoWords.maleNames)
        if rng.chance(0.8) { s += " " + rng.pick(DemoWords.familyNames) }
        if rng.chance(0.06) { s = (female ? "Hj. " : "Haji ") + s }
        return s
    }

    mutating func address() -> String {
        var s = "Jl. " + rng.pick(DemoWords.streets) + " No. " + String(rng.inRange(1...180))
        if rng.chance(0.3) { s += " RT 0\(rng.inRange(1...9))/RW 0\(rng.inRange(1...9))" }
        return s
    }

    // MARK: Case histories

    struct DemoEvent {
        var day: Day
        var actor: String
        var kind: EventKind
        var detail: EventDetail
    }

    struct CaseHistory {
        var openedOn: Day
        var assignee: String
        var events: [DemoEvent]
        /// The case columns derived from the events, as the store derives them on every write.
        var state: CaseState
    }

    /// The policy the demo histories follow: the standard settings and the shipped holidays,
    /// which a new database's tables hold.
    static let policy = EscalationPolicy(settings: .standard, calendar: .national)

    /// The standard pattern after its `{seq:4}`, rendered once per kind and month.
    var letterNumberTails: [Int: String] = [:]

    /// The next number of the year in the standard pattern (`B/0012/TGR1/KC-PKL/XI/2026`).
    mutating func letterNumber(_ day: Day, _ kind: LetterKind) -> String {
        let seq = (letterSequences[day.year] ?? 0) + 1
        letterSequences[day.year] = seq
        let key = (day.year * 12 + day.month) * 8 + LetterKind.allCases.firstIndex(of: kind)!
        let tail = letterNumberTails[key] ?? {
            let t = LetterNumberPattern.render("{kind}/{branch}/{roman}/{year}", sequence: 0, day: day, kind: kind,
                                               branchCode: BranchProfile.pekalongan.code)
            letterNumberTails[key] = t
            return t
        }()
        let digits = String(seq)
        return "B/" + (digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits) + "/" + tail
    }

    /// A plausible history that brought a case to `stage`, every event before `today`, and
    /// every step allowed by the escalation policy on the day it happened.
    mutating func caseHistory(stage: Stage, estimated: Int, registered: Int, owner: String) -> CaseHistory {
        let policy = Self.policy
        // Seven shares: six account representatives and the login that wrote the demo.
        let slot = rng.below(DemoWords.officers.count + 1)
        let officer = slot < DemoWords.officers.count ? DemoWords.officers[slot].login : (options.creator ?? DemoWords.officers[0].login)
        let examiner = rng.pick(DemoWords.examiners).login
        let supervisor = rng.pick(DemoWords.supervisors).login
        // Highest ladder rung the case climbed; compliant/closed cases stopped somewhere.
        let top: Int = stage.rung ?? rng.inRange(0...4)
        // Plan the steps as day offsets, then anchor them so the last one is before today.
        // Gaps after a warning exceed 10 working days even around Lebaran and the year's end.
        enum Step { case open, notify, socialise, visit, promise, lapse, warn1, warn2, examine, recommend, request, refer, end }
        var steps: [(Step, Int)] = [(.open, 0)]
        var t = 0
        func add(_ s: Step, _ gap: ClosedRange<Int>) { t += rng.inRange(gap); steps.append((s, t)) }
        var promiseGaps: [Int] = []
        func promise(_ gap: ClosedRange<Int>) {
            add(.promise, gap)
            promiseGaps.append(rng.inRange(14...30))
        }
        if top >= 1 { add(.notify, 2...20); if rng.chance(0.3) { add(.socialise, 5...15) } }
        if top >= 2 {
            add(.visit, 7...30)
            if rng.chance(0.25) {
                promise(0...0)
                if top >= 3 || stage.isEnd { add(.lapse, (promiseGaps.last! + 1)...(promiseGaps.last! + 20)) }
            }
        }
        if top >= 3 { add(.warn1, 3...14) }
        if top >= 4 { add(.warn2, 24...37) }
        if top >= 5 { add(.examine, 24...40) }
        if top >= 6 { add(.recommend, 10...30) }
        if top >= 7 { add(.request, 30...60); add(.refer, 1...10) }
        if stage == .sanctionRecommended, rng.chance(0.3) { add(.request, 30...45) }
        let waitingOnPromise = !stage.isEnd && top >= 2 && rng.chance(0.15)
        if waitingOnPromise { promise(3...20) }
        if stage.isEnd { add(.end, 10...60) }
        let lag = rng.inRange(5...25)
        let start = options.today.adding(days: -(t + lag + rng.below(stage.isEnd ? 400 : 30)))

        var events: [DemoEvent] = []
        var current = Stage.identified
        var hadPromise = false
        var promiseIndex = 0
        func stageTo(_ s: Stage, _ day: Day, _ actor: String, _ reason: String?) {
            events.append(DemoEvent(day: day, actor: actor, kind: .stageChange,
                                    detail: EventDetail(fromStage: current, toStage: s, reason: reason)))
            current = s
        }
        for (step, offset) in steps {
            // Officers work on working days: a step planned on a day off happens on the next working day.
            let planned = start.adding(days: offset)
            let day = policy.calendar.isWorkingDay(planned) ? planned : policy.calendar.nextWorkingDay(after: planned)
            switch step {
            case .open:
                if rng.chance(0.35) {
                    events.append(DemoEvent(day: day, actor: officer, kind: .note, detail: EventDetail(
                        text: rng.pick(DemoWords.openingNotes))))
                }
            case .notify:
                events.append(DemoEvent(day: day, actor: officer, kind: .letter, detail: EventDetail(
                    letterKind: .notification, letterNumber: letterNumber(day, .notification), delivery: rng.pick(DemoWords.deliveries),
                    deadline: policy.deadline(of: .notification, sentOn: day))))
                stageTo(.notified, day, officer, nil)
            case .socialise:
                events.append(DemoEvent(day: day, actor: officer, kind: .letter, detail: EventDetail(
                    letterKind: .socialisation, letterNumber: letterNumber(day, .socialisation), delivery: rng.pick(DemoWords.deliveries),
                    text: "Undangan sosialisasi program BPJAMSOSTEK di Kantor Cabang Pekalongan")))
            case .visit:
                let outcome = VisitOutcome.allCases[rng.weighted([70, 15, 10, 5])]
                events.append(DemoEvent(day: day, actor: officer, kind: .visit, detail: EventDetail(
                    visitKind: .kunjungan, outcome: outcome, officers: [officer],
                    personMet: outcome == .met ? owner : nil, personRole: outcome == .met ? "Pemilik" : nil,
                    workersCounted: outcome == .met ? estimated : nil,
                    findings: rng.pick(DemoWords.visitFindings[outcome]!))))
                stageTo(.visited, day, officer, nil)
            case .promise:
                let until = day.adding(days: promiseGaps[promiseIndex])
                promiseIndex += 1
                events.append(DemoEvent(day: day, actor: officer, kind: .promise, detail: EventDetail(
                    promiseUntil: until,
                    text: "Surat pernyataan: akan mendaftarkan \(estimated - registered) tenaga kerja")))
                hadPromise = true
            case .lapse:
                events.append(DemoEvent(day: day, actor: officer, kind: .promiseLapsed, detail: EventDetail(
                    text: "Janji dalam surat pernyataan tidak dipenuhi")))
                hadPromise = false
            case .warn1, .warn2:
                let kind: LetterKind = step == .warn1 ? .warning1 : .warning2
                events.append(DemoEvent(day: day, actor: officer, kind: .letter, detail: EventDetail(
                    letterKind: kind, letterNumber: letterNumber(day, kind), delivery: rng.pick(DemoWords.deliveries),
                    deadline: policy.deadline(of: kind, sentOn: day))))
                stageTo(step == .warn1 ? .warning1 : .warning2, day, officer, nil)
            case .examine:
                bapSerial = bapSerial % 900 + 1
                events.append(DemoEvent(day: day, actor: examiner, kind: .visit, detail: EventDetail(
                    visitKind: .pemeriksaan, outcome: .met, officers: [examiner, officer], personMet: owner,
                    personRole: "Pemilik", workersCounted: estimated,
                    findings: "Terdapat \(estimated - registered) tenaga kerja belum didaftarkan",
                    bapNumber: "BAP/\(bapSerial + 99)/PKL/\(day.year)")))
                stageTo(.examined, day, examiner, nil)
            case .recommend:
                events.append(DemoEvent(day: day, actor: examiner, kind: .letter, detail: EventDetail(
                    letterKind: .sanctionRecommendation, letterNumber: letterNumber(day, .sanctionRecommendation),
                    delivery: "Diantar langsung ke DPMPTSP", deadline: policy.deadline(of: .sanctionRecommendation, sentOn: day),
                    text: "Rekomendasi sanksi TMP2T kepada DPMPTSP Kota Pekalongan")))
                stageTo(.sanctionRecommended, day, examiner, nil)
            case .request:
                events.append(DemoEvent(day: day, actor: examiner, kind: .approvalRequest, detail: EventDetail(
                    toStage: .referred, reason: rng.pick(DemoWords.referralJustifications))))
            case .refer:
                let justification = events.last { $0.kind == .approvalRequest }?.detail.reason
                events.append(DemoEvent(day: day, actor: supervisor, kind: .approval, detail: EventDetail(toStage: .referred)))
                stageTo(.referred, day, supervisor, justification)
                events.append(DemoEvent(day: day, actor: examiner, kind: .letter, detail: EventDetail(
                    letterKind: .referral, letterNumber: letterNumber(day, .referral), delivery: "Diantar langsung ke Kejaksaan Negeri",
                    text: "SKK kepada Kejaksaan Negeri Kota Pekalongan (Datun)")))
            case .end:
                if stage == .compliant {
                    if hadPromise {
                        events.append(DemoEvent(day: day, actor: officer, kind: .promiseKept, detail: EventDetail(
                            text: "Seluruh tenaga kerja telah didaftarkan")))
                    }
                    stageTo(.compliant, day, officer, "Perusahaan telah mendaftarkan seluruh tenaga kerja")
                } else {
                    stageTo(.closed, day, officer, rng.pick(DemoWords.closingReasons).rawValue)
                }
            }
        }
        // Derive the case columns the way the store does.
        let caseEvents = events.enumerated().map { i, e in
            CaseEvent(id: Int64(i + 1), caseID: 0, occurredOn: e.day, recordedAt: 0, actor: e.actor, kind: e.kind, detail: e.detail)
        }
        let state = CaseState(openedOn: start, events: caseEvents, assignee: officer)
        return CaseHistory(openedOn: start, assignee: officer, events: events, state: state)
    }
}

/// Word lists for demo data: Pekalongan-flavoured names, places and people.
enum DemoWords {
    static let sectorWeights = [45, 14, 5, 6, 5, 6, 6, 5, 3, 2, 2, 1]  // parallel to Sector.known, batik first

    static func legalFormWeights(_ sector: Int) -> [Int] {
        // perorangan, UD, CV, PT, koperasi
        switch sector {
        case 0: return [40, 25, 20, 10, 5]
        case 8, 9, 11: return [5, 15, 40, 40, 0]
        case 10: return [20, 10, 5, 5, 60]
        default: return [50, 25, 15, 7, 3]
        }
    }

    struct Words { let heads: [String]; let bodies: [String] }

    static let names: [Words] = [
        Words(heads: ["Batik", "Batik", "Batik Tulis", "Batik Cap", "Griya Batik", "Rumah Batik"],
              bodies: ["Sekar Jagad", "Pesisir Kauman", "Jlamprang", "Buketan", "Semen Rama", "Kawung", "Parang Kencana",
                       "Tujuh Rupa", "Liong", "Merak Ati", "Encim", "Hokokai", "Terang Bulan", "Sido Mukti", "Truntum",
                       "Setono Indah", "Kergon Jaya", "Pesindon", "Pekajangan", "Kradenan", "Jenggot Asri", "Mega Mendung",
                       "Sogan Pekalongan", "Lasem Sari", "Dewi Sekar", "Sri Rejeki", "Larasati", "Wirokuto"]),
        Words(heads: ["Konveksi", "Konveksi", "Garmen", "Tailor"],
              bodies: ["Putra Mandiri", "Sinar Jaya", "Berkah Abadi", "Al Fath", "Mitra Usaha", "Rahayu", "Dua Putri",
                       "Sumber Sandang", "Annisa Collection", "Busana Muslim Az-Zahra", "Sejahtera"]),
        Words(heads: ["Tenun ATBM", "Tenun", "Sarung Tenun"],
              bodies: ["Medono", "Lurik Asli", "Goyor Sejati", "Pertiwi", "Usaha Bersama", "Sarimbit"]),
        Words(heads: ["Ikan Asap", "Pengasapan Ikan", "Ikan Panggang"],
              bodies: ["Bu Sri", "Pak Darno", "Mbak Yuli", "Bandengan", "Krapyak Makmur", "Panjang Wetan", "Bu Tini",
                       "Cak Mat", "Degayu Jaya"]),
        Words(heads: ["Roti", "Toko Kue", "Bakery"],
              bodies: ["Nyonya Lim", "Sari Rasa", "Mekar Sari", "Enak", "Kembang Kencana", "Lestari", "Manis Madu"]),
        Words(heads: ["Toko", "Butik", "Toko Pakaian"],
              bodies: ["Busana Indah", "Pusaka", "Nusantara", "Gemilang", "Batik Putra", "Mode Jaya"]),
        Words(heads: ["Toko", "Warung", "Toko Kelontong"],
              bodies: ["Berkah Jaya", "Sumber Rejeki", "Barokah", "Makmur", "Mbah Karso", "Sido Dadi", "Sinar Terang"]),
        Words(heads: ["Rumah Makan", "Warung", "Soto Tauto", "Garang Asem", "Nasi Megono"],
              bodies: ["Pak Kadir", "Bu Yati", "Mbok Sum", "Sederhana", "Pekalongan Asli", "Kauman", "Mak Dar"]),
        Words(heads: ["Ekspedisi", "Angkutan", "Trans"],
              bodies: ["Pantura", "Kota Batik", "Sinar Mulya", "Jaya Abadi", "Putra Pekalongan"]),
        Words(heads: ["Karya", "Bangun", "Konstruksi"],
              bodies: ["Mandiri", "Utama", "Persada", "Cipta Graha", "Pesisir"]),
        Words(heads: ["KUB Nelayan", "Perikanan", "Kapal"],
              bodies: ["Mina Bahari", "Sinar Laut", "Samudra", "Jaya Makmur", "Pantai Utara"]),
        Words(heads: ["Hotel", "Penginapan", "Wisma"],
              bodies: ["Nirwana", "Sahid Mandarin", "Pesona", "Istana", "Batik City"]),
    ]
    static let suffixes = ["Jaya", "Abadi", "Makmur", "Sejahtera", "Mulya", "Putra", "Putri", "Baru", "Indah", "Sentosa"]
    static let accentedNames = [
        "Café Léstari", "Batik Ayu Ñoman", "Café Dé Java", "Rumah Makan Sâri Rasa", "Batik Dewi Anggrék", "Crème Bakery Kauman",
    ]
    static let longNames = [
        "Batik Tulis dan Cap Pesisiran Sekar Jagad Kauman Pekalongan Makmur Sejahtera Abadi",
        "Koperasi Produsen Pengrajin Batik dan Tenun Tradisional Kota Pekalongan Bersatu",
        "Usaha Pengasapan dan Pengolahan Ikan Laut Segar Panjang Wetan Krapyak Lor Makmur",
    ]
    static let maleNames = [
        "Bambang", "Slamet", "Agus", "Budi", "Muhammad", "Ahmad", "Joko", "Sugeng", "Teguh", "Rudi", "Hendra", "Wahyu",
        "Eko", "Imam", "Sutrisno", "Darsono", "Kusnadi", "Fauzi", "Ridwan", "Hasan", "Supriyadi", "Gunawan",
    ]
    static let femaleNames = [
        "Siti", "Sri", "Endang", "Dewi", "Rina", "Yuli", "Tini", "Nur", "Ratna", "Wulan", "Aminah", "Fatimah", "Lestari",
        "Kartini", "Sulastri", "Umi", "Ani", "Puji",
    ]
    static let familyNames = [
        "Sutrisno", "Aminah", "Wibowo", "Santoso", "Hidayat", "Susanto", "Rahayu", "Purnomo", "Setiawan", "Fauzi",
        "Hartono", "Wijaya", "Mulyani", "Prasetyo", "Kurniawan", "Saputra", "Nugroho", "Handayani", "Basalamah", "Alatas",
    ]
    static let streets = [
        "Hayam Wuruk", "Hos Cokroaminoto", "Dr. Wahidin", "Diponegoro", "KH. Mansyur", "Sultan Agung", "Gajah Mada",
        "Jend. Sudirman", "Imam Bonjol", "Veteran", "Kurinci", "Kartini", "Patiunus", "Seruni", "Urip Sumoharjo",
        "Pelita", "Slamet", "Merdeka", "Bandung", "Progo", "Kusuma Bangsa", "Jlamprang", "Karya Bakti", "Sriwijaya",
        "Pemuda", "Dr. Sutomo", "Truntum", "Perintis Kemerdekaan",
    ]
    static let mobilePrefixes = ["12", "13", "21", "22", "52", "57", "77", "78", "81", "95", "96", "98"]
    /// Account representatives.
    static let officers = [
        Officer(login: "ari.wibowo", name: "Ari Wibowo", role: .petugas),
        Officer(login: "dewi.lestari", name: "Dewi Lestari", role: .petugas),
        Officer(login: "rudi.hartono", name: "Rudi Hartono", role: .petugas),
        Officer(login: "nur.aini", name: "Nur Aini", role: .petugas),
        Officer(login: "agus.setiawan", name: "Agus Setiawan", role: .petugas),
        Officer(login: "rina.handayani", name: "Rina Handayani", role: .petugas),
    ]
    /// Examiners (petugas pemeriksa).
    static let examiners = [
        Officer(login: "bambang.prasetyo", name: "Bambang Prasetyo", role: .petugas),
        Officer(login: "sulastri.wulandari", name: "Sulastri Wulandari", role: .petugas),
        Officer(login: "hendra.gunawan", name: "Hendra Gunawan", role: .petugas),
    ]
    /// Heads of section who approve referrals.
    static let supervisors = [
        Officer(login: "sri.rahayu", name: "Sri Rahayu", role: .supervisor),
        Officer(login: "teguh.santoso", name: "Teguh Santoso", role: .supervisor),
    ]
    /// The name the demo's writer is registered under.
    static let creatorName = "Admin Demo"
    static let referralJustifications = [
        "Dua teguran dan rekomendasi TMP2T tidak ditanggapi; pemilik menolak mendaftarkan pekerja",
        "Perusahaan tetap tidak mendaftar setelah pemeriksaan dan rekomendasi sanksi",
        "Tidak ada itikad baik setelah 30 hari rekomendasi TMP2T",
    ]
    static let deliveries = ["Pos tercatat", "Diantar langsung", "Diantar langsung, diterima pemilik", "Email dan WhatsApp"]
    static let openingNotes = [
        "Terdata dari daftar Pemkot (DPMPTSP), belum terdaftar BPJAMSOSTEK",
        "Hasil pencocokan data Dinperinaker dan BPJAMSOSTEK",
        "Laporan dari pekerja melalui kanal pengaduan",
        "Temuan saat sosialisasi di kelurahan",
    ]
    static let visitFindings: [VisitOutcome: [String]] = [
        .met: ["Pemilik bersedia mendaftarkan pekerja", "Pemilik mengira program hanya untuk pegawai kantor",
               "Pekerja borongan, pemilik minta waktu", "Pemilik menolak dengan alasan usaha sedang sepi"],
        .notMet: ["Pemilik tidak di tempat, diterima karyawan", "Tidak ada yang dapat ditemui"],
        .closedPremises: ["Tempat usaha tutup saat kunjungan"],
        .refused: ["Petugas tidak diizinkan masuk"],
    ]
    static let caseStages: [Stage] = [
        .identified, .notified, .visited, .warning1, .warning2, .examined, .sanctionRecommended, .referred, .closed,
    ]
    static let caseStageWeights = [12, 22, 18, 14, 10, 8, 5, 3, 3]
    static let closingReasons = ClosingReason.allCases
}

/// Generated batches, and the generator's last letter number per year.
typealias BatchQueue = HandOff<BulkBatch, [Int: Int]>
