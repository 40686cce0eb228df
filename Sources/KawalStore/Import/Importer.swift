import Foundation
import GRDB
import GRDBSQLite
import KawalDomain

/// What to import, and how.
public struct ImportRequest: Sendable {
    public var path: String
    public var source: ImportSource
    public var delimiter: ImportDelimiter
    /// Check and count everything, write nothing (no rejected file either).
    public var dryRun: Bool
    /// The OS login recorded with the import and on the events it adds.
    public var actor: String
    /// The day new cases are opened on.
    public var today: Day
    /// Where refused rows go: `PATH.rejected.csv` by default.
    public var rejectedPath: String

    public init(path: String, source: ImportSource, delimiter: ImportDelimiter = .auto, dryRun: Bool = false, actor: String,
                today: Day, rejectedPath: String? = nil) {
        self.path = path
        self.source = source
        self.delimiter = delimiter
        self.dryRun = dryRun
        self.actor = actor
        self.today = today
        self.rejectedPath = rejectedPath ?? Self.rejectedPath(for: path)
    }

    /// Where the refused rows of `path` go: beside it, as `PATH.rejected.csv`.
    public static func rejectedPath(for path: String) -> String { path + ".rejected.csv" }
}

/// How refused rows are explained in the rejected file, in the user's language.
public struct RejectionText: Sendable {
    /// The names of the two added columns: the line number and the reason.
    public var lineColumn: String
    public var reasonColumn: String
    public var reason: @Sendable (RowProblem) -> String
    /// The two columns' names in every language: a rejected file imported again (after its
    /// rows were fixed) ends with them, and they are replaced rather than added a second time.
    public var earlierColumns: [[String]]

    public init(lineColumn: String, reasonColumn: String, earlierColumns: [[String]] = [],
                reason: @escaping @Sendable (RowProblem) -> String) {
        self.lineColumn = lineColumn
        self.reasonColumn = reasonColumn
        self.reason = reason
        self.earlierColumns = [[lineColumn, reasonColumn]] + earlierColumns
    }

    /// How many of `header`'s last cells are an earlier rejection's two columns: 2 or 0.
    func carried(in header: [String]) -> Int {
        guard header.count > 2 else { return 0 }
        let last = header.suffix(2).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return earlierColumns.contains { $0.map { $0.lowercased() } == last } ? 2 : 0
    }
}

/// What an import did (or, on a dry run, would do).
public struct ImportSummary: Hashable, Sendable {
    public var counts: ImportCounts
    /// Header cells that matched no known column, ignored.
    public var unknownColumns: [String]
    /// Header cells that repeat a known column, ignored (only the first of such columns is read).
    public var repeatedColumns: [String] = []
    /// Non-blank rows above the header (a sheet's title, Excel's `sep=;`), skipped.
    public var titleRows = 0
    /// Rows that repeat the header further down (lists joined one after another), skipped, and
    /// the line of the first.
    public var repeatedHeaders = SkippedRows()
    /// Totals rows (`JUMLAH`, `TOTAL`) that are no company, skipped.
    public var totalsRows = SkippedRows()
    /// Rows with nothing in a recognised column (a template's row numbers), skipped.
    public var emptyRows = SkippedRows()
    /// Section headings of a list grouped by place (`KECAMATAN PEKALONGAN BARAT`), skipped.
    public var sectionHeadings = SkippedRows()
    /// Rows of the signature block a list ends with (`Mengetahui,`, `Kepala Dinas …`, the
    /// signer's name, `NIP. …`), skipped.
    public var signatureRows = SkippedRows()
    /// The line of a second heading row below the header (`L | P | Jumlah` under a merged
    /// `Jumlah Tenaga Kerja`), skipped, and the worker columns it splits, as they were read.
    public var subHeadingLine: Int?
    public var splitColumns: [ImportLayout.Header.SplitColumn] = []
    /// The columns whose sum is the worker count (or its total column), when no column gives it
    /// (`ImportLayout.Header.summedColumns`).
    public var summedWorkerColumns: [String] = []
    /// The RT and RW columns whose values were added to the address (`ImportLayout.Header.neighbourhoodColumns`).
    public var neighbourhoodColumns: [String] = []
    /// The delimiter used.
    public var delimiter: String
    /// The rejected file, when rows were refused and it was written (never on a dry run).
    public var rejectedPath: String?
    public var sha256: String
    public var dryRun: Bool
    /// The recorded import (nil on a dry run).
    public var runID: Int64?
    /// Compliance events added to open cases, and cases opened.
    public var complianceEvents: Int
    public var casesOpened: Int
    /// The latest earlier import of a file with the same SHA-256, if any: the same file again.
    public var earlierImport: EarlierImport?
    /// Rows rejected because an identifier was a number in scientific notation (a spreadsheet
    /// stored it as a number), and the first such value: the whole column is usually affected.
    public var scientificNotationRows = 0
    /// Imported rows whose blank kecamatan was taken from their kelurahan (`ImportRecord.kecamatanFromKelurahan`).
    public var kecamatanFromKelurahan = 0
    public var scientificNotationExample: String?
    /// Rows refused because their NPWP was 16 digits not starting with 0: a person's NIK, which
    /// serves as their NPWP and is not accepted (personal data).
    public var personalNPWPRows = 0
    /// Companies the file itself gives different values on different rows (`MergeRules.contradicts`):
    /// the last row's values are kept. And the line of the first row that gave one another value.
    public var differingCompanies = 0
    public var differingLine: Int?
}

/// Rows below the header that an import skipped for one reason (they hold no company), and
/// the file line of the first, for the summary to point at.
public struct SkippedRows: Hashable, Sendable {
    public private(set) var count = 0
    public private(set) var firstLine: Int?

    public init() {}

    mutating func add(line: Int) {
        count += 1
        if firstLine == nil { firstLine = line }
    }
}

/// An earlier import of the same file (by its SHA-256).
public struct EarlierImport: Hashable, Sendable {
    public var id: Int64
    /// Seconds since 1970 UTC.
    public var startedAt: Int64
    public var actor: String
}

extension AppDatabase {
    /// Imports a Pemkot or BPJAMSOSTEK list: one transaction, all or nothing.
    ///
    /// Rows are read and checked on a second thread while this one matches and merges them
    /// (`MatchRules`, `MergeRules`, `ImportCaseRule`). A refused row goes to the rejected file;
    /// any other failure (an unreadable file, a missing column, an interrupted import, a full
    /// disk) rolls everything back, the rejected file included. The import is recorded in
    /// `import_run`. `progress` gets 0...1 at most about 100 times.
    public func importFile(
        _ request: ImportRequest, text: RejectionText, progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> ImportSummary {
        try importFile(request, text: text, progress: progress, failAfter: nil)
    }

    /// `failAfter`: tests make the import fail after that many rows, to check the rollback.
    /// `rebuildAfter`: tests set how many added or changed companies make the import drop and
    /// rebuild the list indexes (`Importer.rebuildIsCheaper` decides otherwise).
    func importFile(
        _ request: ImportRequest, text: RejectionText, progress: (@Sendable (Double) -> Void)?, failAfter: Int?,
        rebuildAfter: Int? = nil
    ) throws -> ImportSummary {
        // A dry run needs the write lock too: it imports for real and rolls back.
        if isReadOnly { throw request.dryRun ? ImportError.dryRunReadOnly(path: path) : ImportError.readOnly(path: path) }
        let started = Int64(Date().timeIntervalSince1970)
        let reader = try ImportFileReader(path: request.path, source: request.source, delimiter: request.delimiter)
        // The fingerprint is computed on its own thread while the rows are imported.
        let hashDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var sha256 = ""
        Thread.detachNewThread {
            sha256 = SHA256.file(request.path) ?? ""
            hashDone.signal()
        }
        defer { hashDone.wait() }
        // A rejected file imported again: its line and reason columns are not data, and are
        // replaced by this import's in the rows it rejects again.
        let carried = text.carried(in: reader.header)
        reader.allowingOmitted(trailing: carried)
        let unknown = carried == 0 ? reader.layout.unknown : reader.layout.unknown.filter { !reader.header.suffix(carried).contains($0) }
        let rejected = RejectedWriter(path: request.rejectedPath, header: reader.header.dropLast(carried) + [text.lineColumn, text.reasonColumn],
                                      subHeading: reader.subHeadings, replacing: carried,
                                      shape: reader.shape)
        let queue = RowQueue.reading(reader)
        defer { queue.cancel() }
        var summary = ImportSummary(
            counts: ImportCounts(), unknownColumns: unknown, delimiter: String(reader.shape.delimiter),
            rejectedPath: nil, sha256: "", dryRun: request.dryRun, runID: nil, complianceEvents: 0, casesOpened: 0)
        summary.titleRows = reader.titleRows
        summary.repeatedColumns = reader.layout.repeated
        summary.subHeadingLine = reader.subHeadingLine
        summary.splitColumns = reader.layout.splits
        summary.summedWorkerColumns = reader.layout.summedColumns
        summary.neighbourhoodColumns = reader.layout.neighbourhoodColumns
        let work = { (db: Database) throws -> Void in
            var importer = try Importer(db, request: request, started: started, rebuildAfter: rebuildAfter)
            summary.runID = importer.runID
            var lastStep = -1
            while let batch = try queue.takeRows() {
                for row in batch {
                    if let failAfter, summary.counts.read >= failAfter { throw ImportInterrupted() }
                    summary.counts.read += 1
                    switch row.result {
                    case .failure(let problem):
                        summary.counts.rejected += 1
                        if case .identifier(let e) = problem, e.problem == .scientificNotation {
                            summary.scientificNotationRows += 1
                            if summary.scientificNotationExample == nil { summary.scientificNotationExample = e.value }
                        }
                        if case .identifier(let e) = problem, e.problem == .sixteenDigitsMustStartWithZero { summary.personalNPWPRows += 1 }
                        if !request.dryRun { try rejected.write(row, reason: text.reason(problem)) }
                    case .success(let record):
                        // A row that names two companies is refused here, where the companies are known.
                        if let problem = try importer.add(record, line: row.line, keys: row.keys, counts: &summary.counts) {
                            summary.counts.rejected += 1
                            if !request.dryRun { try rejected.write(row, reason: text.reason(problem)) }
                        } else if record.kecamatanFromKelurahan {
                            summary.kecamatanFromKelurahan += 1
                        }
                    }
                    if let progress, reader.fileSize > 0 {
                        let step = Int(Double(row.bytes) / Double(reader.fileSize) * Double(Importer.rowsShare))
                        if step > lastStep { lastStep = step; progress(Double(step) / 100) }
                    }
                }
            }
            // The indexes and the search entries take a good part of a large import: the bar
            // moves on through them rather than stopping at the end of the rows.
            try importer.finish { progress?($0) }
            // The reading thread is done.
            summary.repeatedHeaders = reader.repeatedHeaders
            summary.totalsRows = reader.totalsRows
            summary.emptyRows = reader.emptyRows
            summary.sectionHeadings = reader.sectionHeadings
            summary.signatureRows = reader.signatureRows
            summary.complianceEvents = importer.complianceEvents
            summary.casesOpened = importer.casesOpened
            summary.differingCompanies = importer.differing.count
            summary.differingLine = importer.firstDifferingLine
            hashDone.wait()
            hashDone.signal()
            summary.sha256 = sha256
            summary.earlierImport = try importer.earlierImport(sha256: sha256)
            // The history lists every column the import left out.
            try importer.record(summary, sha256: sha256, unknown: unknown + reader.layout.repeated)
        }
        do {
            // Another writer holding the file past the busy timeout, or a full disk, is reported as such.
            try translatingWriteErrors {
                closeReaders()
                try writer.writeWithoutTransaction { db in
                    // A large page cache while importing: the company indexes are updated in place row by row.
                    try db.execute(sql: "PRAGMA cache_size = -\(Importer.cacheKB)")
                    defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                    // A first import (no companies yet) writes nearly every page of the file anew:
                    // in WAL each page would be written twice (the log, then the checkpoint), with
                    // a rollback journal once (1M Pemkot rows: 77.5 s in WAL, 68.4 s). Synced in
                    // full, since a rollback journal is only safe from a power cut that way. A
                    // database with companies stays in WAL, so that officers can go on reading it
                    // while the month's list is merged in.
                    let journaled = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM company)") == true
                        && (try? AppDatabase.leaveWAL(db)) == true
                    if journaled { try db.execute(sql: "PRAGMA synchronous = FULL") }
                    defer { if journaled { AppDatabase.returnToWAL(db) } }
                    try db.inTransaction(.immediate) {
                        try work(db)
                        if request.dryRun { return .rollback }
                        // The rejected rows are in place before the import commits.
                        try rejected.commit()
                        return .commit
                    }
                }
            }
            if request.dryRun {
                summary.runID = nil
            } else {
                rejected.finish()
                if summary.counts.rejected > 0 { summary.rejectedPath = request.rejectedPath }
            }
        } catch {
            rejected.discard()
            throw error
        }
        progress?(1)
        return summary
    }
}

/// What an import is doing at a point of its progress, so a progress bar can say it: the bar
/// does not move while one index or the search entries are built.
public enum ImportPhase: Sendable, Equatable {
    /// Reading, checking, matching and writing the rows.
    case rows
    /// Rebuilding the list indexes and adding the search entries.
    case indexes
    /// Committing.
    case saving

    /// The phase a progress value (as `importFile` reports it) falls in.
    public init(progress: Double) {
        self = progress < Double(Importer.rowsShare) / 100 ? .rows : progress < Importer.indexesDone ? .indexes : .saving
    }
}

/// The failure tests inject partway through an import.
struct ImportInterrupted: Error {}

/// The store side of one import, inside its transaction: lookups, writes, counts.
struct Importer {
    let db: Database
    let request: ImportRequest
    let runID: Int64
    let now: Int64
    private var insertCompany: BulkStatement
    /// The id the next company this import adds gets.
    private var nextID: Int64 = 1
    /// Provenance inserts by row count: a company's rows go in one statement.
    private var insertSources: [Int: BulkStatement] = [:]
    private var insertCase: BulkStatement
    private let lookup: ImportLookup
    /// The page cache an import may use, in KB (peak memory stays well under 200 MB).
    static let cacheKB = 65_536
    /// The share of the progress bar (in percent) the rows take; `finish` moves it the rest of the way.
    static let rowsShare = 80
    /// Where the bar stands once the indexes and search entries are in: the commit is the rest.
    static let indexesDone = 0.97
    /// FTS5's pending-data size while importing: fewer, larger segments to merge.
    static let ftsHashSize = 33_554_432
    /// Whether the seven list indexes are dropped, to be rebuilt at the end inside the same
    /// transaction: at once on an empty company table, or once the import has added or changed
    /// enough companies that rebuilding costs less than keeping the indexes up to date row by row.
    private(set) var listIndexesDropped = false
    /// Companies added or changed so far (counted until the list indexes are dropped).
    private var touched = 0
    /// Companies added so far (counted until the list indexes are dropped).
    private var added = 0
    /// Tests: drop the list indexes once this many companies were added or changed.
    let rebuildAfter: Int?
    /// About what the seven list indexes take per company (200k companies: 49 MB).
    static let listIndexBytesPerCompany = 250

    /// While the list indexes take a small part of the page cache, keeping them up to date row by
    /// row is cheap. Once they take more than half of it, they compete with the table and the
    /// identifier indexes for it, and an import that adds or changes an eighth of the companies
    /// is faster rebuilding them (the rebuild sorts on two threads: ~13 s for 1.5M companies).
    /// Measured back to back, 2026-11-29:
    /// - 200k companies, 100k new and 100k merged: 16.7 s kept, 15.5 s rebuilt;
    /// - 1M companies, 500k new and 500k merged: 134 s kept, 87–97 s rebuilt;
    /// - 200 companies, 1M new: 113 s dropped at 537k companies (when the indexes outgrew twice
    ///   the cache), 76.7 s dropped at 134k, the same as into an empty database (76.4 s).
    /// `companies` counts what the table holds now, the import's new companies included, so a
    /// large list imported into a small database switches over once it has outgrown the cache.
    static func rebuildIsCheaper(companies: Int, touched: Int) -> Bool {
        companies * listIndexBytesPerCompany > cacheKB * 1024 / 2 && touched >= max(1, companies / 8)
    }
    /// The largest company id before the import: every company it adds has a larger one.
    let maxIDBefore: Int64
    private(set) var complianceEvents = 0
    private(set) var casesOpened = 0
    /// The companies from before the import that its rows matched so far, by id.
    private var matched: TouchTable
    /// Companies the file gives different values on different rows, and the first such row's line.
    private(set) var differing: Set<Int64> = []
    private(set) var firstDifferingLine: Int?

    /// What the rows of the file did so far to a company that was there before it.
    ///
    /// A company on several rows (OSS lists one row per KBLI code) is counted by what all of
    /// them did together: each of its rows is unchanged when the company ends as it was before the
    /// file, and merged otherwise. So an unchanged file imported again counts the company
    /// unchanged, though its first row puts back the value the second one replaces.
    struct Touch {
        /// `Importer.stateHash` of the company before the file, once a row changed it (0 until then).
        var before: Int
        /// Its rows so far, and whether they are counted as merged (else unchanged).
        var rows: Int32
        var merged: Bool
        /// The fields its rows gave (bits in `CompanyField.allCases` order).
        var given: UInt16
    }

    /// `Touch` by company id, one slot an id up to the largest before the import, zeroed (no
    /// row yet) and allocated on first use. Only the memory pages of matched companies are ever
    /// touched, 16 bytes an id at most: a dictionary took about 65 bytes a company matched
    /// (33 MB more for the 500,000 a half-overlapping million-row list matches).
    final class TouchTable {
        private let maxID: Int64
        private var slots: UnsafeMutablePointer<Touch>?

        init(maxID: Int64) { self.maxID = maxID }

        deinit { free(slots) }

        subscript(id: Int64) -> Touch? {
            get {
                guard let slots, id >= 0, id <= maxID else { return nil }
                let t = slots[Int(id)]
                return t.rows == 0 ? nil : t
            }
            set {
                guard id >= 0, id <= maxID else { return }
                if slots == nil {
                    // calloc: zeroed pages the system maps only when first written.
                    slots = calloc(Int(maxID) + 1, MemoryLayout<Touch>.stride)?.assumingMemoryBound(to: Touch.self)
                }
                slots?[Int(id)] = newValue ?? Touch(before: 0, rows: 0, merged: false, given: 0)
            }
        }
    }

    /// A company's values and provenance rows, hashed (to tell whether the file's rows left it as it was).
    static func stateHash(_ c: Company, _ sources: some Sequence<SourcedValue>) -> Int {
        var h = Hasher()
        h.combine(c)
        h.combine(Set(sources))
        return h.finalize()
    }

    /// The fields `r` gives, as bits in `CompanyField.allCases` order.
    static func givenFields(_ r: ImportRecord) -> UInt16 {
        var bits: UInt16 = 0
        for (i, f) in CompanyField.allCases.enumerated() where r.value(f) != nil { bits |= 1 << UInt16(i) }
        return bits
    }

    /// The file as the history keeps it: a whole path, so that months later it still says
    /// which folder the list came from, whatever folder the import was run in.
    static func recordedPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    init(_ db: Database, request: ImportRequest, started: Int64, rebuildAfter: Int? = nil) throws {
        self.db = db
        self.request = request
        now = started
        try db.execute(sql: """
            INSERT INTO import_run(source, file_name, sha256, actor, started_at, finished_at, read_count, new_count,
                merged_count, unchanged_count, flagged_count, rejected_count)
            VALUES (?, ?, '', ?, ?, ?, 0, 0, 0, 0, 0, 0)
            """, arguments: [request.source.rawValue, Self.recordedPath(request.path), request.actor, started, started])
        runID = db.lastInsertedRowID
        try Self.fillNameKeys(db)
        maxIDBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM company") ?? 0
        matched = TouchTable(maxID: maxIDBefore)
        self.rebuildAfter = rebuildAfter
        // FTS5 writes its pending entries out at every statement boundary, so a search-index
        // trigger firing row by row leaves thousands of tiny segments to merge (100k new
        // companies: 20 s, against 1 s in one statement). The triggers are dropped for the
        // import and `finish` indexes what changed in one pass, before the commit. The case
        // trigger is dropped too: a new company's row is written with its case's stage at once
        // instead of being rewritten when the case is inserted.
        for name in SchemaV1.ftsTriggerNames + ["compliance_case_ai"] { try db.execute(sql: "DROP TRIGGER \(name)") }
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS import_search_before(
                id INTEGER PRIMARY KEY, name_key TEXT, address_key TEXT, npwp TEXT, owner_key TEXT);
            DELETE FROM import_search_before;
            """)
        insertCompany = try BulkStatement(db, sql: """
            INSERT INTO company(id, name, name_key, legal_form, npwp, nib, npp, kbli, address, address_key, kelurahan,
                kecamatan, phone, owner, owner_key, estimated_workers, registered_workers, unprotected_workers, scale,
                status, status_rank, origin, name_match, stage, stage_rank)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Past the companies there and the ids merges retired (`CompanyWriter.nextID`).
        nextID = try CompanyWriter.nextID(db)
        insertCase = try BulkStatement(db, sql: """
            INSERT INTO compliance_case(company_id, stage, opened_on, next_deadline, assignee) VALUES (?, 'identified', ?, NULL, NULL)
            """)
        lookup = try ImportLookup(db)
        if maxIDBefore == 0 { try dropListIndexes() }
    }

    /// Gives every company its name key (companies written another way, such as the demo, have
    /// none yet). An empty key is made again: a name of symbols only had one before such names
    /// kept their symbols (`CompanyName.matchKey`), and matched nothing.
    static func fillNameKeys(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name FROM company WHERE name_match IS NULL OR name_match = ''")
        var update = try BulkStatement(db, sql: "UPDATE company SET name_match = ? WHERE id = ?")
        var pending: [(Int64, String)] = []
        while let r = try rows.next() { pending.append((r[0], CompanyName.matchKey(r[1]))) }
        for (id, key) in pending {
            update.bind(key)
            update.bind(id)
            try update.run()
        }
    }

    private mutating func dropListIndexes() throws {
        for name in SchemaV1.companyIndexNames { try db.execute(sql: "DROP INDEX \(name)") }
        listIndexesDropped = true
    }

    /// Counts a company added (`adding`) or changed, and drops the list indexes once rebuilding
    /// them is cheaper.
    private mutating func touch(adding: Bool) throws {
        guard !listIndexesDropped else { return }
        touched += 1
        if adding { added += 1 }
        // The largest id before the import stands in for the number of companies then (close
        // enough: companies are rarely deleted).
        let drop = rebuildAfter.map { touched >= $0 }
            ?? Self.rebuildIsCheaper(companies: Int(maxIDBefore) + added, touched: touched)
        if drop { try dropListIndexes() }
    }

    /// Matches and merges or adds one row; returns why it is refused when it names two companies.
    /// `line`: where the row starts in the file. `keys`: the row's keys, when the reading thread computed them.
    mutating func add(_ record: ImportRecord, line: Int, keys: RowKeys? = nil, counts: inout ImportCounts) throws -> RowProblem? {
        let match = try MatchRules.match(record, nameKey: keys?.matchKey(record.name), in: lookup)
        if let id = match.matchedID {
            guard let found = try CompanyColumns.fetch(db, id: id) else { return nil }
            let (existing, origin) = found
            if let differs = MatchRules.differingIdentifier(record, company: existing, match: match) { return .identifierDiffers(differs) }
            let sources = try CompanyColumns.sources(db, id: id)
            let plan = MergeRules.merge(record, into: existing, origin: origin, sources: sources)
            // A company an earlier row of this file added, or one it matched: the file lists it again.
            let added = id > maxIDBefore
            let seen = added ? nil : matched[id]
            if added || seen != nil {
                let earlier = seen.map { t in Set(CompanyField.allCases.enumerated().filter { t.given & (1 << UInt16($0.offset)) != 0 }.map(\.element)) }
                if !plan.isUnchanged, MergeRules.contradicts(record, earlier: earlier, company: existing, sources: sources),
                   differing.insert(id).inserted, firstDifferingLine == nil {
                    firstDifferingLine = line
                }
            }
            if !plan.isUnchanged, var clash = try MatchRules.clash(plan, before: existing, match: match, in: lookup) {
                clash.otherName = try CompanyColumns.fetch(db, id: clash.otherID)?.0.name ?? ""
                return .identifierClash(clash)
            }
            if !added {
                count(id, record, touch: seen, plan: plan, existing: existing, sources: sources, counts: &counts)
            } else if plan.isUnchanged {
                counts.unchanged += 1
            } else {
                counts.merged += 1
            }
            if plan.isUnchanged { return nil }
            if plan.companyChanged {
                try touch(adding: false)
                if plan.company.searchedValues != existing.searchedValues {
                    // What the search index holds for it now, so `finish` can take it out.
                    try db.cachedStatement(sql: """
                        INSERT OR IGNORE INTO import_search_before
                        SELECT id, name_key, address_key, npwp, owner_key FROM company WHERE id = ?
                        """).execute(arguments: [id])
                }
                try ImportWriter.updateCompany(db, plan.company, before: existing)
            }
            try writeSources(id, plan.sources)
            if try ImportWriter.noteCompliance(db, companyID: id, before: existing, after: plan.company, source: request.source,
                                               fileName: request.path, on: request.today, at: now, by: request.actor) {
                complianceEvents += 1
            }
            return nil
        }
        try touch(adding: true)
        let (company, sources) = MergeRules.newCompany(record)
        let opensCase = ImportCaseRule.forNewCompany(company) == .openIdentified
        let id = try insert(company, stage: opensCase ? .identified : nil, keys: keys)
        try writeSources(id, sources)
        if opensCase {
            insertCase.bind(id)
            insertCase.bind(request.today.iso)
            try insertCase.run()
            casesOpened += 1
        }
        if case .possibleDuplicate(let existingID, let reason) = match {
            try db.cachedStatement(sql: """
                INSERT INTO duplicate_pair(existing_id, incoming_id, reason, status, import_run_id, flagged_at)
                VALUES (?, ?, ?, 'pending', ?, ?)
                """).execute(arguments: [existingID, id, reason.rawValue, runID, now])
            counts.flagged += 1
        } else {
            counts.new += 1
        }
        return nil
    }

    /// Counts a row matched to a company that was there before the file (`Touch`): its first
    /// row by what it changed; a later one, and every earlier one with it, by whether the company
    /// now differs from what it was before the file.
    private mutating func count(_ id: Int64, _ record: ImportRecord, touch: Touch?, plan: MergePlan, existing: Company,
                                sources: [SourcedValue], counts: inout ImportCounts) {
        guard var t = touch else {
            // Most companies are on one row: their state is hashed only when it changes.
            let before = plan.isUnchanged ? 0 : Self.stateHash(existing, sources)
            matched[id] = Touch(before: before, rows: 1, merged: !plan.isUnchanged, given: Self.givenFields(record))
            if plan.isUnchanged { counts.unchanged += 1 } else { counts.merged += 1 }
            return
        }
        if t.before == 0, !plan.isUnchanged { t.before = Self.stateHash(existing, sources) }
        var merged = false
        if t.before != 0 {
            var after = Dictionary(sources.map { ("\($0.field) \($0.source.rawValue)", $0) }, uniquingKeysWith: { _, last in last })
            for s in plan.sources { after["\(s.field) \(s.source.rawValue)"] = s }
            merged = Self.stateHash(plan.company, after.values) != t.before
        }
        let earlier = Int(t.rows)
        if t.merged { counts.merged -= earlier } else { counts.unchanged -= earlier }
        if merged { counts.merged += earlier + 1 } else { counts.unchanged += earlier + 1 }
        t.rows += 1
        t.merged = merged
        t.given |= Self.givenFields(record)
        matched[id] = t
    }

    /// `stage`: the stage of the case about to be opened for it (the company row carries it).
    private mutating func insert(_ c: Company, stage: Stage?, keys: RowKeys?) throws -> Int64 {
        let fold = { (text: String) in keys?.fold(text) ?? NameKey.fold(text) }
        let id = nextID
        nextID += 1
        insertCompany.bind(id)
        insertCompany.bind(c.name)
        insertCompany.bind(fold(c.name))
        insertCompany.bind(c.legalForm.rawValue)
        insertCompany.bind(c.npwp?.digits)
        insertCompany.bind(c.nib?.digits)
        insertCompany.bind(c.npp?.digits)
        insertCompany.bind(c.sector.code)
        insertCompany.bind(c.address)
        insertCompany.bind(fold(c.address))
        insertCompany.bind(c.kelurahan)
        insertCompany.bind(c.kecamatan)
        insertCompany.bind(c.phone)
        insertCompany.bind(c.owner)
        insertCompany.bind(fold(c.owner))
        insertCompany.bind(c.estimatedWorkers)
        insertCompany.bind(c.registeredWorkers)
        insertCompany.bind(c.unprotectedWorkers)
        insertCompany.bind(c.scale.rawValue)
        insertCompany.bind(c.status.rawValue)
        insertCompany.bind(CompanyWriter.statusRank(c.status))
        insertCompany.bind(request.source.dataSource.rawValue)
        insertCompany.bind(keys?.matchKey(c.name) ?? CompanyName.matchKey(c.name))
        insertCompany.bind(stage?.rawValue)
        insertCompany.bind(stage?.order)
        try insertCompany.run()
        return id
    }

    /// Writes a company's provenance rows (each replaces the row of the same field and source).
    private mutating func writeSources(_ id: Int64, _ sources: [SourcedValue]) throws {
        guard !sources.isEmpty else { return }
        var statement = try insertSources[sources.count] ?? BulkStatement(db, sql: """
            INSERT OR REPLACE INTO field_source(company_id, field, source, value) VALUES
            """ + Array(repeating: "(?, ?, ?, ?)", count: sources.count).joined(separator: ", "))
        for s in sources {
            statement.bind(id)
            statement.bind(s.field)
            statement.bind(s.source.rawValue)
            statement.bind(s.value)
        }
        try statement.run()
        insertSources[sources.count] = statement
    }

    /// Brings back what the import dropped: the search entries of every company it added or
    /// whose searched text it changed, in one statement each; the triggers; and the list indexes,
    /// when they were dropped.
    /// `progress` gets values from the rows' share up to `indexesDone` (the commit is the rest).
    func finish(progress: (Double) -> Void = { _ in }) throws {
        let start = Double(Self.rowsShare) / 100
        if listIndexesDropped {
            try db.execute(sql: SchemaV1.parallelIndexBuild)
            defer { try? db.execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = -\(Self.cacheKB)") }
            let indexes = SchemaV1.companyIndexes
            for (i, sql) in indexes.enumerated() {
                try db.execute(sql: sql)
                progress(start + 0.08 * Double(i + 1) / Double(indexes.count))
            }
        }
        try db.execute(sql: """
            INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', \(Self.ftsHashSize));
            INSERT INTO company_fts(company_fts, rowid, name_key, address_key, npwp, owner_key)
                SELECT 'delete', id, name_key, address_key, npwp, owner_key FROM import_search_before WHERE id <= :maxID ORDER BY id;
            INSERT INTO company_fts(rowid, name_key, address_key, npwp, owner_key)
                SELECT id, name_key, address_key, npwp, owner_key FROM company
                WHERE id > :maxID OR id IN (SELECT id FROM import_search_before WHERE id <= :maxID) ORDER BY id;
            INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', 1048576);
            DELETE FROM import_search_before;
            """, arguments: ["maxID": maxIDBefore])
        try db.execute(sql: SchemaV1.ftsTriggers)
        try db.execute(sql: SchemaV1.caseInsertTrigger)
        progress(Self.indexesDone)
    }

    /// The latest earlier import of a file with this SHA-256.
    func earlierImport(sha256: String) throws -> EarlierImport? {
        guard !sha256.isEmpty else { return nil }
        return try Row.fetchOne(db, sql: """
            SELECT id, started_at, actor FROM import_run WHERE sha256 = ? AND id <> ? ORDER BY id DESC LIMIT 1
            """, arguments: [sha256, runID]).map { EarlierImport(id: $0[0], startedAt: $0[1], actor: $0[2]) }
    }

    /// Records the import's counts and fingerprint.
    func record(_ summary: ImportSummary, sha256: String, unknown: [String]) throws {
        let c = summary.counts
        let unknownJSON = String(decoding: (try? JSONEncoder().encode(unknown)) ?? Data("[]".utf8), as: UTF8.self)
        try db.execute(sql: """
            UPDATE import_run SET sha256 = ?, finished_at = ?, read_count = ?, new_count = ?, merged_count = ?,
                unchanged_count = ?, flagged_count = ?, rejected_count = ?, unknown_columns = ?
            WHERE id = ?
            """, arguments: [sha256, Int64(Date().timeIntervalSince1970), c.read, c.new, c.merged, c.unchanged, c.flagged,
                             c.rejected, unknownJSON, runID])
    }
}

private extension Company {
    /// What the search index holds of a company (in folded form).
    var searchedValues: [String?] { [name, address, npwp?.digits, owner] }
}

/// Company writes shared by the import and the duplicate review.
enum ImportWriter {
    /// When merging `after` over `before` is `source`'s list turning the company Patuh while its
    /// case is open (`ImportCaseRule.forMerged`), notes on that case that the list said so, naming
    /// the list's file (`fileName`, a path or a name). Whether it did.
    @discardableResult
    static func noteCompliance(_ db: Database, companyID: Int64, before: Company, after: Company, source: ImportSource,
                               fileName: String, on day: Day, at now: Int64, by actor: String) throws -> Bool {
        // Most merges are not: the case is read only for those that are.
        guard ImportCaseRule.turnsCompliant(before: before, after: after, source: source) else { return false }
        let openCase = try AppDatabase.currentCase(db, companyID: companyID)
        guard case .recordCompliance(let caseID) = ImportCaseRule.forMerged(before: before, after: after, source: source,
                                                                             openCase: openCase) else { return false }
        try AppDatabase.insertEvent(db, caseID: caseID, on: day, at: now, actor: actor, kind: .note,
                                    detail: ImportCaseRule.complianceNote(fileName: (fileName as NSString).lastPathComponent))
        return true
    }

    /// Writes the values of a merged company that differ from `before` (all of them without it).
    ///
    /// Only changed columns are set, so SQLite rewrites only the indexes that hold them, and the
    /// search index (its trigger watches the name, address, owner and NPWP) only when those change.
    static func updateCompany(_ db: Database, _ c: Company, before: Company? = nil) throws {
        var columns: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        // The pairs are built only for a changed field: the folded keys cost more than the comparison.
        func set(_ changed: Bool, _ pairs: @autoclosure () -> [(String, (any DatabaseValueConvertible)?)]) {
            guard changed || before == nil else { return }
            for (column, value) in pairs() {
                columns.append(column)
                values.append(value)
            }
        }
        let b = before
        set(b?.name != c.name, [("name", c.name), ("name_key", NameKey.fold(c.name)), ("name_match", CompanyName.matchKey(c.name))])
        set(b?.legalForm != c.legalForm, [("legal_form", c.legalForm.rawValue)])
        set(b?.npwp != c.npwp, [("npwp", c.npwp?.digits)])
        set(b?.nib != c.nib, [("nib", c.nib?.digits)])
        set(b?.npp != c.npp, [("npp", c.npp?.digits)])
        set(b?.sector != c.sector, [("kbli", c.sector.code)])
        set(b?.address != c.address, [("address", c.address), ("address_key", NameKey.fold(c.address))])
        set(b?.kelurahan != c.kelurahan, [("kelurahan", c.kelurahan)])
        set(b?.kecamatan != c.kecamatan, [("kecamatan", c.kecamatan)])
        set(b?.phone != c.phone, [("phone", c.phone)])
        set(b?.owner != c.owner, [("owner", c.owner), ("owner_key", NameKey.fold(c.owner))])
        set(b?.estimatedWorkers != c.estimatedWorkers, [("estimated_workers", c.estimatedWorkers)])
        set(b?.registeredWorkers != c.registeredWorkers, [("registered_workers", c.registeredWorkers)])
        set(b?.unprotectedWorkers != c.unprotectedWorkers, [("unprotected_workers", c.unprotectedWorkers)])
        set(b?.scale != c.scale, [("scale", c.scale.rawValue)])
        set(b?.status != c.status, [("status", c.status.rawValue), ("status_rank", CompanyWriter.statusRank(c.status))])
        guard !columns.isEmpty else { return }
        values.append(c.id)
        let sql = "UPDATE company SET " + columns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE id = ?"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
    }
}

/// Matching lookups through prepared statements stepped directly (one index probe each).
final class ImportLookup: CompanyLookup {
    private let db: Database
    private let byNPWP: Probe
    private let byNIB: Probe
    private let byNPP: Probe
    private let byName: Probe

    init(_ db: Database) throws {
        self.db = db
        byNPWP = try Probe(db, "SELECT id FROM company WHERE npwp = ? LIMIT 1")
        byNIB = try Probe(db, "SELECT id FROM company WHERE nib = ? LIMIT 1")
        byNPP = try Probe(db, "SELECT id FROM company WHERE npp = ? LIMIT 1")
        byName = try Probe(db, "SELECT id FROM company WHERE name_match = ? ORDER BY kelurahan = ? DESC, id LIMIT 20")
    }

    func company(npwp: String) throws -> Int64? { try byNPWP.ids([npwp]).first }
    func company(nib: String) throws -> Int64? { try byNIB.ids([nib]).first }
    func company(npp: String) throws -> Int64? { try byNPP.ids([npp]).first }

    func companies(nameKey: String, kelurahan: String) throws -> [MatchCandidate] {
        let ids = try byName.ids([nameKey, kelurahan])
        var candidates = try ids.compactMap { id in
            try CompanyColumns.fetch(db, id: id).map { MatchCandidate(company: $0.0, origin: $0.1) }
        }
        // Which of them a person kept apart matters only when there are several.
        guard candidates.count > 1 else { return candidates }
        let marks = databaseQuestionMarks(count: ids.count)
        let pairs = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT existing_id, incoming_id FROM duplicate_pair
            WHERE status = 'keptApart' AND existing_id IN (\(marks)) AND incoming_id IN (\(marks))
            """), arguments: StatementArguments(ids + ids))
        guard !pairs.isEmpty else { return candidates }
        for i in candidates.indices {
            let id = candidates[i].company.id
            for p in pairs {
                let a: Int64 = p[0], b: Int64 = p[1]
                if a == id { candidates[i].keptApartFrom.insert(b) } else if b == id { candidates[i].keptApartFrom.insert(a) }
            }
        }
        return candidates
    }

    /// A query returning ids, bound with text and stepped through the SQLite C API.
    final class Probe {
        private let statement: Statement  // keeps the sqlite3_stmt alive
        private let row: RawRow

        init(_ db: Database, _ sql: String) throws {
            statement = try db.makeStatement(sql: sql)
            row = RawRow(statement, db)
        }

        func ids(_ values: [String]) throws -> [Int64] {
            defer { row.reset() }
            for (i, v) in values.enumerated() { row.bind(Int32(i + 1), v) }
            var out: [Int64] = []
            while try row.step() { out.append(row.int(0)) }
            return out
        }
    }
}
