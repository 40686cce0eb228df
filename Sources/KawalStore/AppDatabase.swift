import Foundation
import GRDB
import GRDBSQLite
import KawalDomain
import Synchronization

/// The Kawal database: companies, their cases and the append-only case history.
///
/// Safe to use from any thread: it wraps a GRDB `DatabasePool` (WAL) for files, a
/// `DatabaseQueue` in memory. Only this module speaks SQL.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The file path, or `:memory:`.
    public let path: String
    /// Whether the database was opened read-only (writes throw `StoreWriteError.readOnly`).
    public let isReadOnly: Bool

    /// Set by `stopDemo`: the demo load stops at its next step and undoes itself.
    let demoStopRequested = Atomic<Bool>(false)
    /// The demo's search-index build running on its own connection, to interrupt it too.
    let demoSearchBuild = Mutex<SearchIndexBuild?>(nil)

    init(writer: any DatabaseWriter, path: String, isReadOnly: Bool) {
        self.writer = writer
        self.path = path
        self.isReadOnly = isReadOnly
    }

    /// Stops a running `writeDemo` (Ctrl-C on `kawal demo`): its current statement is
    /// interrupted, it removes what it wrote and puts the schema back, then throws (SQLite's
    /// "interrupted"). Safe from any thread.
    public func stopDemo() {
        demoStopRequested.store(true, ordering: .sequentiallyConsistent)
        writer.interrupt()
        demoSearchBuild.withLock { $0?.interrupt() }
    }

    /// Removes the database at `path` with the files SQLite keeps beside it (its write-ahead
    /// log, shared-memory index and rollback journal), whichever exist.
    public static func removeFiles(at path: String) {
        for suffix in fileSuffixes { unlink(path + suffix) }
    }

    /// The folders that `open` would create for a database at `path`, deepest first: none when its
    /// folder exists. A command that creates a database for its work and then fails removes them
    /// again (`removeFolders`).
    public static func missingFolders(for path: String) -> [String] {
        var out: [String] = []
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            out.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return out
    }

    /// Removes `folders` (deepest first) as long as each is empty.
    public static func removeFolders(_ folders: [String]) {
        for f in folders where rmdir(f) != 0 { return }
    }

    /// The database file's own name (""), then the files SQLite may keep beside it.
    static let fileSuffixes = ["", "-wal", "-shm", "-journal"]

    /// Where the database lives by default: `$KAWAL_DB`, else `$XDG_DATA_HOME/kawal/kawal.sqlite`,
    /// else `$HOME/.local/share/kawal/kawal.sqlite` (else `kawal.sqlite` in the current folder).
    public static func defaultPath(environment: [String: String]) -> String {
        if let p = environment["KAWAL_DB"], !p.isEmpty { return p }
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") { return join(x, "kawal/kawal.sqlite") }
        if let h = environment["HOME"], !h.isEmpty { return join(h, ".local/share/kawal/kawal.sqlite") }
        return "kawal.sqlite"
    }

    private static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    /// An empty database in memory, migrated: for tests, and for a dry run when there is no database yet.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration(readOnly: false))
        try Migrations.migrator.migrate(queue)
        return AppDatabase(writer: queue, path: ":memory:", isReadOnly: false)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(5)
        config.label = "Kawal"
        return config
    }

    /// Opens the database at `path` (WAL), creating the file and missing parent folders, and migrates it.
    ///
    /// A file or folder that cannot be written (or `readOnly: true`) opens read-only, without
    /// migrating: if it would need a migration, that is `cannotOpen`. Never crashes on a bad file:
    /// a non-database file is `notADatabase`, a database written by a newer Kawal is `newerSchema`.
    ///
    /// Another program's SQLite database (tables, and no Kawal migration table) is
    /// `notKawalDatabase`, and left byte for byte as it was: it is neither switched to WAL nor
    /// migrated. A file with nothing in it yet (empty, or SQLite without a table) becomes a Kawal
    /// database, unless `adopting` is false (a command that only reads, such as an export): then
    /// it is `notKawalDatabase` too.
    public static func open(path: String, readOnly: Bool = false, adopting: Bool = true) throws(StoreError) -> AppDatabase {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue { throw .cannotOpen(path: path, reason: .isFolder) }
        let folder = (path as NSString).deletingLastPathComponent
        let folderPath = folder.isEmpty ? "." : folder

        var openReadOnly = readOnly
        if !exists {
            if readOnly { throw .cannotOpen(path: path, reason: .doesNotExist) }
            do {
                try fm.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreate(path: path, reason: .folderNotCreated(folder: folderPath, FileProblem(error, errno: 0)))
            }
            if access(folderPath, W_OK) != 0 {
                throw .cannotCreate(path: path, reason: .folderNotWritable(folder: folderPath))
            }
        } else {
            guard access(path, R_OK) == 0 else { throw .cannotOpen(path: path, reason: .notReadable) }
            if try !hasSQLiteHeader(path) { throw .notADatabase(path: path) }
            // WAL needs to write the file and create -wal/-shm beside it.
            if access(path, W_OK) != 0 || access(folderPath, W_OK) != 0 { openReadOnly = true }
            // Opening for writing switches the file to WAL, which changes it: whose it is is
            // asked first, on a connection that changes nothing.
            if !openReadOnly, let kind = contents(path) { try refuse(kind, path: path, adopting: adopting) }
        }

        let writer: any DatabaseWriter
        do {
            writer = try makeWriter(path: path, readOnly: openReadOnly)
        } catch {
            throw mapOpenError(error, path: path)
        }
        let db = AppDatabase(writer: writer, path: path, isReadOnly: openReadOnly)
        try db.checkAndMigrate(adopting: adopting || !exists)
        return db
    }

    /// What an SQLite file holds, as far as opening it is concerned.
    enum Contents {
        /// No table at all (a new or empty file).
        case nothing
        /// Kawal's migration table: a Kawal database, perhaps an older one.
        case kawal
        /// Tables, none of them Kawal's migration table: another program's database.
        case foreign
    }

    /// What the tables named `tables` (of `sqlite_master`) make of a database.
    static func contents(tables: [String]) -> Contents {
        if tables.contains("grdb_migrations") { return .kawal }
        return tables.contains { !$0.hasPrefix("sqlite_") } ? .foreign : .nothing
    }

    /// What the file at `path` holds, read on a read-only connection that changes nothing (nor
    /// waits for a lock); nil when it cannot be read so (the full open then says why).
    static func contents(_ path: String) -> Contents? {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .immediateError
        config.label = "Kawal check"
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in contents(tables: try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")) }
    }

    /// Refuses a database that is not Kawal's, and one that holds nothing unless `adopting`.
    static func refuse(_ contents: Contents, path: String, adopting: Bool) throws(StoreError) {
        switch contents {
        case .kawal: return
        case .foreign: throw .notKawalDatabase(path: path, empty: false)
        case .nothing: if !adopting { throw .notKawalDatabase(path: path, empty: true) }
        }
    }

    private static func makeWriter(path: String, readOnly: Bool) throws -> any DatabaseWriter {
        if !readOnly { return try DatabasePool(path: path, configuration: configuration(readOnly: false)) }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch {
            // A WAL database in a read-only folder cannot be read by a pool: SQLite wants to
            // create the -shm file beside it. When no -wal file holds pending changes, the file
            // alone is the whole database and can be read as immutable (a URI filename; this
            // SQLite is built with USE_URI). Otherwise a read-only queue may still read a
            // database in rollback mode.
            let wal = path + "-wal"
            let pendingWAL = ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) > 0
            if !pendingWAL {
                let queue = try DatabaseQueue(path: immutableURI(path), configuration: configuration(readOnly: true))
                _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            }
            return try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
        }
    }

    /// `file:` URI of `path` with `immutable=1`, percent-encoding what a URI path cannot hold.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var encoded = ""
        for byte in absolute.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "/-._~".contains(c) {
                encoded.append(c)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    /// Reads the schema (SQLite notices a non-database only on first read), refuses another
    /// program's database (and, unless `adopting`, one that holds nothing) and a newer schema,
    /// and migrates a writable database.
    private func checkAndMigrate(adopting: Bool) throws(StoreError) {
        let migrator = Migrations.migrator
        let known = Set(migrator.migrations)
        let applied: Set<String>
        let contents: Contents
        do {
            (contents, applied) = try writer.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                return (Self.contents(tables: tables), try migrator.appliedIdentifiers(db))
            }
        } catch {
            throw Self.mapOpenError(error, path: path)
        }
        try Self.refuse(contents, path: path, adopting: adopting)
        if let unknown = applied.subtracting(known).sorted().first {
            throw .newerSchema(path: path, migration: unknown)
        }
        if applied == known { return }
        if isReadOnly {
            throw .cannotOpen(path: path, reason: .needsUpgradeButReadOnly)
        }
        do {
            try migrator.migrate(writer)
        } catch {
            throw Self.mapOpenError(error, path: path)
        }
    }

    private static func hasSQLiteHeader(_ path: String) throws(StoreError) -> Bool {
        guard let head = fileStart(path) else { throw .cannotOpen(path: path, reason: .notReadable) }
        return head.isEmpty || head == sqliteHeader  // an empty file is an empty database
    }

    /// The 16 bytes every SQLite database file begins with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// The first 16 bytes of the file at `path` (fewer when it is shorter); nil when it cannot
    /// be opened for reading. Opened without waiting, so a pipe with no writer answers at once.
    static func fileStart(_ path: String) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var head = [UInt8](repeating: 0, count: 16)
        let n = Glibc.read(fd, &head, 16)
        return Array(head.prefix(max(0, n)))
    }

    static func mapOpenError(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
            case .SQLITE_BUSY: return .busy(path: path)
            default: return .cannotOpen(path: path, reason: .other(e.message ?? "\(e.resultCode)"))
            }
        }
        return .cannotOpen(path: path, reason: .other(describe(error)))
    }

    private static func describe(_ error: any Error) -> String {
        if let e = error as? CocoaError, let u = e.userInfo[NSUnderlyingErrorKey] as? NSError {
            return u.localizedDescription
        }
        return (error as NSError).localizedDescription
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreWriteError.readOnly(path: path) }
        return try translatingWriteErrors { try writer.write(body) }
    }

    /// Runs a write, turning SQLite's "database is locked" (the busy timeout ran out while
    /// another connection held the write lock, such as a long import) into `StoreWriteError.busy`,
    /// and "database or disk is full" into `StoreWriteError.diskFull`. The transaction was rolled
    /// back, so nothing of it was written.
    func translatingWriteErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseError where e.resultCode == .SQLITE_BUSY {
            throw StoreWriteError.busy(path: path)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_FULL {
            throw StoreWriteError.diskFull(path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// A number that changes whenever another connection (another Kawal, an import) commits
    /// to the database, and not when this one writes: SQLite's `data_version`, asked on the
    /// writing connection, the only one of ours that commits. Nil when it cannot be read now
    /// (the file is locked by a write outside WAL).
    public func dataVersion() -> Int? {
        try? writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
    }

    /// Switches a WAL database nobody else has open to a rollback journal on disk, so a bulk
    /// write puts each page once, straight into the file, instead of into the WAL and again at
    /// the checkpoint. The journal holds only pages that existed before each transaction (pages
    /// the write appends to the file are never journaled), so it costs little, and a process
    /// killed mid-write leaves a hot journal that rolls the file back to its last commit on the
    /// next open, instead of a torn file (an in-memory journal would). True when it switched.
    /// Another connection to the file (another process, another pool reader) makes the switch
    /// fail at once, and the write stays in WAL. `returnToWAL` switches back.
    ///
    /// While the file is out of WAL, a connection opened to it waits for the write to end (up to
    /// the busy timeout), where in WAL it would read the last commit: use it only for writes
    /// nobody needs to read alongside (a demo load, a first import).
    static func leaveWAL(_ db: Database) throws -> Bool {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else { return false }
        sqlite3_busy_timeout(db.sqliteConnection, 0)
        defer {
            if case .timeout(let seconds) = db.configuration.busyMode {
                sqlite3_busy_timeout(db.sqliteConnection, Int32(seconds * 1000))
            }
        }
        return try String.fetchOne(db, sql: "PRAGMA journal_mode = TRUNCATE") == "truncate"
    }

    /// Puts a database `leaveWAL` switched back in WAL, with the pool's `synchronous` setting.
    /// Should another connection hold the file meanwhile, it stays in rollback mode until the
    /// next Kawal opens it (a pool always asks for WAL).
    static func returnToWAL(_ db: Database) {
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// Closes this process's idle reader connections, which would keep `leaveWAL` from switching.
    func closeReaders() {
        (writer as? DatabasePool)?.releaseMemory()
    }
}

// MARK: - Writes

/// A change to a case recorded together with an event.
public struct CaseChange: Hashable, Sendable {
    /// The new stage, or nil to keep it.
    public var stage: Stage?
    /// The new next deadline: `.some(nil)` clears it, nil keeps it.
    public var nextDeadline: Day??
    public init(stage: Stage? = nil, nextDeadline: Day?? = nil) {
        self.stage = stage
        self.nextDeadline = nextDeadline
    }
}

extension AppDatabase {
    /// Inserts a company and where its values came from; returns its id (the given one when > 0).
    @discardableResult
    public func insertCompany(_ c: Company, sources: [SourcedValue]) throws -> Int64 {
        try write { db in
            try CompanyWriter.insert(c, db: db)
            let id = db.lastInsertedRowID
            for s in sources {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO field_source(company_id, field, source, value) VALUES (?, ?, ?, ?)",
                    arguments: [id, s.field, s.source.rawValue, s.value])
            }
            return id
        }
    }

    /// Opens a case for a company; the company's list columns (stage, next deadline) follow it.
    @discardableResult
    public func openCase(companyID: Int64, stage: Stage, openedOn: Day, nextDeadline: Day?, assignee: String?) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO compliance_case(company_id, stage, opened_on, next_deadline, assignee) VALUES (?, ?, ?, ?, ?)",
                arguments: [companyID, stage.rawValue, openedOn.iso, nextDeadline?.iso, assignee])
            return db.lastInsertedRowID
        }
    }

    /// Changes a case's stage, next deadline or assignee (nil keeps a value; `.some(nil)` clears it).
    public func updateCase(id: Int64, stage: Stage? = nil, nextDeadline: Day?? = nil, assignee: String?? = nil) throws {
        try write { db in try Self.updateCase(db, id: id, stage: stage, nextDeadline: nextDeadline, assignee: assignee) }
    }

    static func updateCase(_ db: Database, id: Int64, stage: Stage?, nextDeadline: Day??, assignee: String??) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM compliance_case WHERE id = ?", arguments: [id]) != nil else {
            throw StoreWriteError.unknownCase(id: id)
        }
        if let stage {
            try db.execute(sql: "UPDATE compliance_case SET stage = ? WHERE id = ?", arguments: [stage.rawValue, id])
        }
        if let nextDeadline {
            try db.execute(sql: "UPDATE compliance_case SET next_deadline = ? WHERE id = ?", arguments: [nextDeadline?.iso, id])
        }
        if let assignee {
            try db.execute(sql: "UPDATE compliance_case SET assignee = ? WHERE id = ?", arguments: [assignee, id])
        }
    }

    /// Writes one event into a case's history, inside the caller's transaction; its id. The one
    /// statement every write of an event goes through (the demo's bulk load aside).
    @discardableResult
    static func insertEvent(_ db: Database, caseID: Int64, on day: Day, at recordedAt: Int64, actor: String, kind: EventKind,
                            detail: EventDetail, letterBody: String? = nil) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO case_event(case_id, occurred_on, recorded_at, actor, kind, detail, letter_body) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [caseID, day.iso, recordedAt, actor, kind.rawValue, EventJSON.encode(detail), letterBody])
        return db.lastInsertedRowID
    }

    /// Appends an event to a case's history (and applies `change` to the case in the same transaction).
    @discardableResult
    public func appendEvent(
        caseID: Int64, occurredOn: Day, recordedAt: Int64, actor: String, kind: EventKind, detail: EventDetail,
        change: CaseChange? = nil
    ) throws -> Int64 {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM compliance_case WHERE id = ?", arguments: [caseID]) != nil else {
                throw StoreWriteError.unknownCase(id: caseID)
            }
            let id = try Self.insertEvent(db, caseID: caseID, on: occurredOn, at: recordedAt, actor: actor, kind: kind, detail: detail)
            if let change {
                try Self.updateCase(db, id: caseID, stage: change.stage, nextDeadline: change.nextDeadline, assignee: nil)
            }
            return id
        }
    }
}

enum CompanyWriter {
    static let insertSQL = """
        INSERT INTO company(id, name, name_key, legal_form, npwp, nib, npp, kbli, address, address_key, kelurahan,
            kecamatan, phone, owner, owner_key, estimated_workers, registered_workers, unprotected_workers, scale,
            status, status_rank)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(_ c: Company) -> StatementArguments {
        let id: Int64? = c.id > 0 ? c.id : nil
        let values: [(any DatabaseValueConvertible)?] = [
            id, c.name, NameKey.fold(c.name), c.legalForm.rawValue, c.npwp?.digits, c.nib?.digits, c.npp?.digits,
            c.sector.code, c.address, NameKey.fold(c.address), c.kelurahan, c.kecamatan, c.phone, c.owner,
            NameKey.fold(c.owner), c.estimatedWorkers,
            c.registeredWorkers, c.unprotectedWorkers, c.scale.rawValue, c.status.rawValue, statusRank(c.status),
        ]
        return StatementArguments(values)
    }

    static func insert(_ c: Company, db: Database) throws {
        var c = c
        if c.id <= 0 { c.id = try nextID(db) }
        let st = try db.cachedStatement(sql: insertSQL)
        try st.execute(arguments: arguments(c))
    }

    /// The id the next new company gets: past every company's and every id retired by a merge
    /// (`retired_company_id`), so that an id never names two companies.
    static func nextID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT max(id) FROM company), 0), coalesce((SELECT max(id) FROM retired_company_id), 0)) + 1
            """) ?? 1
    }

    static func statusRank(_ s: ComplianceStatus) -> Int { ComplianceStatus.allCases.firstIndex(of: s)! }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
