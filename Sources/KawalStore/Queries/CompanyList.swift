import GRDB
import GRDBSQLite
import KawalDomain

// The companies list: filters, search and keyset paging for every sort.
//
// Order: each sort orders by (sort column, name_key, id), or (sort column, id) for `name`
// and `unprotected`, all in one direction: the sort's natural one (`descendingByDefault`),
// flipped by `reversed`. Sorting kecamatan, sector, status, stage and deadline ties by
// name then id, so a kecamatan reads alphabetically. Status sorts by its place in
// `ComplianceStatus.allCases` (PWBD first), stage by `Stage.order`. A NULL stage (no case)
// or deadline comes last in either direction: the list is then two segments, non-NULL
// rows then NULL rows, each read through the same index.
//
// Pages never use OFFSET: a page reads rows strictly after (or before) a RowKey with a row
// value comparison `(col, name_key, id) > (?, ?, ?)` that the sort's index serves.

/// How a sort maps to columns.
struct SortPlan {
    let primary: String
    let nullable: Bool
    let secondary: Bool
    /// Whether the list shows the largest value first.
    let descending: Bool

    init(_ q: CompanyQuery) {
        switch q.sort {
        case .name: (primary, nullable, secondary) = ("name_key", false, false)
        case .kecamatan: (primary, nullable, secondary) = ("kecamatan", false, true)
        case .sector: (primary, nullable, secondary) = ("kbli", false, true)
        case .unprotected: (primary, nullable, secondary) = ("unprotected_workers", false, false)
        case .status: (primary, nullable, secondary) = ("status_rank", false, true)
        case .stage: (primary, nullable, secondary) = ("stage_rank", true, true)
        case .deadline: (primary, nullable, secondary) = ("next_deadline", true, true)
        }
        descending = q.sort.descendingByDefault != q.reversed
    }

    var columns: [String] { ["c." + primary] + (secondary ? ["c.name_key"] : []) + ["c.id"] }
}

/// The sort position of one row, decoded from a `RowKey`.
struct KeyParts: Equatable {
    var primary: DatabaseValue
    var name: String?
    var id: Int64

    /// Encodes into the opaque `RowKey`. With a secondary key the value is text:
    /// `n` + name for NULL, else `i`/`t` + byte length + `:` + primary + name.
    func rowKey(_ plan: SortPlan) -> RowKey {
        if !plan.secondary {
            switch primary.storage {
            case .int64(let i): return RowKey(id: id, sortValue: .integer(i))
            case .string(let s): return RowKey(id: id, sortValue: .text(s))
            default: return RowKey(id: id, sortValue: .null)
            }
        }
        let n = name ?? ""
        switch primary.storage {
        case .int64(let i):
            let s = String(i)
            return RowKey(id: id, sortValue: .text("i\(s.utf8.count):\(s)\(n)"))
        case .string(let s):
            return RowKey(id: id, sortValue: .text("t\(s.utf8.count):\(s)\(n)"))
        default:
            return RowKey(id: id, sortValue: .text("n" + n))
        }
    }

    init(primary: DatabaseValue, name: String?, id: Int64) {
        self.primary = primary
        self.name = name
        self.id = id
    }

    init?(_ key: RowKey, _ plan: SortPlan) {
        id = key.id
        if !plan.secondary {
            name = nil
            switch key.sortValue {
            case .integer(let i): primary = i.databaseValue
            case .text(let s): primary = s.databaseValue
            case .null: primary = .null
            }
            if primary.isNull && !plan.nullable { return nil }
            return
        }
        guard case .text(let s) = key.sortValue, let tag = s.utf8.first else { return nil }
        let rest = s.utf8.dropFirst()
        if tag == UInt8(ascii: "n") {
            guard plan.nullable else { return nil }
            primary = .null
            name = String(decoding: rest, as: UTF8.self)
            return
        }
        guard tag == UInt8(ascii: "i") || tag == UInt8(ascii: "t"),
              let colon = rest.firstIndex(of: UInt8(ascii: ":")),
              let len = Int(String(decoding: rest[rest.startIndex..<colon], as: UTF8.self)) else { return nil }
        let body = rest[rest.index(after: colon)...]
        guard len >= 0, body.count >= len else { return nil }
        let split = body.index(body.startIndex, offsetBy: len)
        let p = String(decoding: body[body.startIndex..<split], as: UTF8.self)
        name = String(decoding: body[split...], as: UTF8.self)
        if tag == UInt8(ascii: "i") {
            guard let i = Int64(p) else { return nil }
            primary = i.databaseValue
        } else {
            primary = p.databaseValue
        }
    }
}

/// How a search narrows the list.
///
/// Search is a substring match on folded text (lower case, Latin diacritics removed, see
/// `NameKey`) of name, address and owner, and on the NPWP digits. Text that looks like an
/// identifier (digits with `.`, `-`, `/`, spaces) is also searched as bare digits, so a
/// formatted or 16-digit NPWP finds the stored 15 digits. 1–2 characters (after folding)
/// are too short for trigrams: they match names that *start* with them.
enum SearchPlan: Equatable {
    case none
    /// Names whose `name_key` starts with the folded text: a range on the name index.
    case prefix(String)
    /// Folded substrings; a row matches when any column contains any of them.
    case substrings([String])

    init(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { self = .none; return }
        let folded = NameKey.fold(text)
        var variants = [folded]
        if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ".-/ ".unicodeScalars.contains($0) }) {
            var digits = text.filter(\.isNumber)
            if digits.count == 16 && digits.first == "0" { digits.removeFirst() }
            variants.insert(digits, at: 0)
        }
        var seen = Set<String>()
        let usable = variants.filter { $0.unicodeScalars.count >= 3 && seen.insert($0).inserted }
        self = usable.isEmpty ? .prefix(folded) : .substrings(usable)
    }

    /// The FTS5 MATCH expression: each variant one quoted string (quotes doubled), OR-ed, so
    /// no user text is ever FTS syntax.
    static func match(_ variants: [String]) -> String {
        variants.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
    }

    /// SQL returning the ids of matching companies, and its arguments.
    var candidates: (String, [(any DatabaseValueConvertible)?])? {
        switch self {
        case .none: return nil
        case .prefix(let p): return ("SELECT id FROM company WHERE name_key >= ? AND name_key < ?", [p, p + "\u{10FFFF}"])
        case .substrings(let v): return ("SELECT rowid FROM company_fts WHERE company_fts MATCH ?", [Self.match(v)])
        }
    }

    /// A condition on company `c` that means the same as the candidates, cheap per row
    /// (a trigram MATCH restricted to one rowid costs milliseconds on common terms; `instr` on
    /// the stored folded columns costs about a microsecond).
    var test: (String, [(any DatabaseValueConvertible)?])? {
        switch self {
        case .none: return nil
        // Unary + keeps the planner on the sort's index instead of the name range.
        case .prefix(let p): return ("+c.name_key >= ? AND +c.name_key < ?", [p, p + "\u{10FFFF}"])
        case .substrings(let v):
            var parts: [String] = []
            var args: [(any DatabaseValueConvertible)?] = []
            for s in v {
                for col in ["c.name_key", "c.address_key", "c.npwp", "c.owner_key"] {
                    parts.append("instr(\(col), ?) > 0")
                    args.append(s)
                }
            }
            return ("(" + parts.joined(separator: " OR ") + ")", args)
        }
    }
}

import Foundation

/// SQL text with its arguments, built in order.
struct SQLBuilder {
    var sql = ""
    var args: [(any DatabaseValueConvertible)?] = []
    mutating func add(_ s: String, _ a: [(any DatabaseValueConvertible)?] = []) {
        sql += s
        args += a
    }
}

/// How a page of a searched list is read (see `CompanyList.page`).
enum SearchStrategy: Equatable {
    /// Read every match, look each up, sort them: cost grows with the number of matches.
    case sortMatches
    /// Walk the sort's index in order and test each id against the FTS matches, read once into a
    /// bitmap (`MatchSet`): the sort indexes hold the id, so rows that do not match cost no table lookup.
    case probeMatches
    /// Walk the sort's index in order and test each row with `instr` (or the name range): no set
    /// to build, so it suits terms so common that the page fills within a few hundred rows.
    case testRows
}

/// The question a long query asks itself between VM steps (see `CompanyList.abandonable`).
final class AbandonCheck {
    let abandoned: @Sendable () -> Bool
    init(_ abandoned: @escaping @Sendable () -> Bool) { self.abandoned = abandoned }
}

enum CompanyList {
    /// Below this many matches a search reads all its matches and sorts them.
    static let rareSearchCap = 2_000
    /// From this many FTS matches on, reading them all costs more than testing rows with `instr`
    /// along the sort's index: at 4% density or more the page fills within about 2,500 rows
    /// ("batik", 468k matches, after about 200), while reading 40k matches of a five-letter
    /// phrase costs about 10 ms of FTS position checks.
    static let denseSearchCap = 40_000

    static let rowColumns = """
        c.id, c.name, c.legal_form, c.kecamatan, c.kbli, c.estimated_workers, c.registered_workers, \
        c.status, c.stage, c.next_deadline, c.name_key, c.kelurahan, c.npwp
        """

    /// `AND`-ed filter conditions on `c` (no leading AND), empty when none. `pinned`: each column
    /// behind a unary `+`, so the planner cannot pick a filter's index over the sort's.
    static func filters(_ q: CompanyQuery, pinned: Bool = false) -> [(String, [(any DatabaseValueConvertible)?])] {
        var out: [(String, [(any DatabaseValueConvertible)?])] = []
        let pin = pinned ? "+" : ""
        func inList(_ col: String, _ values: [some DatabaseValueConvertible]) {
            out.append(("\(pin)\(col) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))", values))
        }
        // Status and stage filter on their rank columns, which are indexed.
        if !q.statuses.isEmpty { inList("c.status_rank", q.statuses.map { CompanyWriter.statusRank($0) }.sorted()) }
        if !q.stages.isEmpty { inList("c.stage_rank", q.stages.map(\.order).sorted()) }
        if !q.kecamatan.isEmpty { inList("c.kecamatan", q.kecamatan.sorted()) }
        if !q.sectors.isEmpty { inList("c.kbli", q.sectors.sorted()) }
        return out
    }

    /// The number of candidates of `search` (FTS matches, or names in the prefix range), counted
    /// only up to `cap`: a capped count stops early, so it costs at most a few milliseconds.
    static func estimate(_ db: Database, _ search: SearchPlan, cap: Int) throws -> Int {
        guard let (cand, args) = search.candidates else { return 0 }
        return try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM (\(cand) LIMIT ?)"),
            arguments: StatementArguments(args + [cap])) ?? 0
    }

    /// Chooses how to read a page of a search with about `matches` candidates (capped at `denseCap`).
    static func strategy(_ search: SearchPlan, matches: Int, rareCap: Int, denseCap: Int) -> SearchStrategy {
        if matches < rareCap { return .sortMatches }
        if case .substrings = search, matches < denseCap { return .probeMatches }
        return .testRows
    }

    /// Counts the rows of `q`; with `cap`, stops counting at `cap` (cheap for broad searches).
    static func count(_ db: Database, _ q: CompanyQuery, cap: Int? = nil) throws -> Int {
        let search = SearchPlan(q.search)
        let conds = filters(q)
        let what = cap == nil ? "count(*)" : "1"
        var b = SQLBuilder()
        switch search {
        case .substrings(let v):
            let m = SearchPlan.match(v)
            if conds.isEmpty {
                b.add("SELECT \(what) FROM company_fts WHERE company_fts MATCH ?", [m])
            } else {
                b.add("SELECT \(what) FROM company_fts CROSS JOIN company c ON c.id = company_fts.rowid WHERE company_fts MATCH ?", [m])
            }
        case .prefix(let p):
            // Counting reads the name range through its index (the page test avoids it).
            b.add("SELECT \(what) FROM company c WHERE c.name_key >= ? AND c.name_key < ?", [p, p + "\u{10FFFF}"])
        case .none:
            b.add("SELECT \(what) FROM company c WHERE 1")
        }
        for (s, a) in conds { b.add(" AND " + s, a) }
        var sql = b.sql
        var args = b.args
        if let cap {
            sql = "SELECT count(*) FROM (" + sql + " LIMIT ?)"
            args.append(cap)
        }
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(args)) ?? 0
    }

    enum Segment { case all, nonNull, null }

    /// SQLite VM instructions a search may spend walking the sort index (about 20–30 ms: a
    /// probe walk through 100k index entries fits; "sut", 98k matches, takes 18 ms).
    static let scanBudget: Int32 = 1_500_000

    /// Runs `body`, checking `abandoned` every few thousand VM instructions and interrupting its
    /// SQL when it turns true; nil when interrupted so.
    static func abandonable<T>(
        _ db: Database, _ abandoned: @escaping @Sendable () -> Bool, every steps: Int32 = 20_000, _ body: () throws -> T
    ) throws -> T? {
        let check = AbandonCheck(abandoned)
        return try withExtendedLifetime(check) {
            let box = Unmanaged.passUnretained(check).toOpaque()
            sqlite3_progress_handler(db.sqliteConnection, steps, { p in
                Unmanaged<AbandonCheck>.fromOpaque(p!).takeUnretainedValue().abandoned() ? 1 : 0
            }, box)
            defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
            do {
                return try body()
            } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
                return nil
            }
        }
    }

    /// Runs `body` within a budget of `steps` VM instructions; nil when the budget ran out.
    static func interruptible<T>(_ db: Database, _ steps: Int32, _ body: () throws -> T) throws -> T? {
        do {
            return try withStepBudget(db, steps, body)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_INTERRUPT {
            return nil
        }
    }

    /// Runs `body`, interrupting its SQL (SQLITE_INTERRUPT) after about `steps` VM instructions.
    static func withStepBudget<T>(_ db: Database, _ steps: Int32, _ body: () throws -> T) throws -> T {
        sqlite3_progress_handler(db.sqliteConnection, steps, { _ in 1 }, nil)
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try body()
    }

    /// Rows after (`forward`) or before `key` in display order; returned in display order.
    ///
    /// Without a search, and for a name prefix under the name sort, the sort's index serves the
    /// page directly (a range seek). Otherwise the plan depends on how many rows the search
    /// matches. A substring search reads its FTS matches once, up to `denseCap`, into a bitmap
    /// that is both the estimate and the set to probe; a prefix under another sort counts its
    /// names up to the cap:
    ///
    /// - fewer than `rareCap`: read all matches and sort them (`sortMatches`, ~1 µs a match);
    /// - fewer than `denseCap` (40k) substring matches: walk the sort's index and test each id
    ///   against the bitmap (`probeMatches`). "kau" (25k matches) has its 101st match 85k rows
    ///   into the name order: about 12 ms of CPU in all, against 50–80 ms with an SQL `IN` set
    ///   (an ephemeral B-tree to build and probe), 210 ms testing each row's columns (a table
    ///   lookup each) and 50–65 ms sorting all matches;
    /// - more: walk the sort's index and test each row with `instr` (`testRows`): at that density
    ///   the page fills within a few thousand rows.
    ///
    /// Filters are pinned (unary `+`) during a walk, so the walk follows the sort's index. Matches
    /// can still be sparse where the page starts (a narrow filter, a late name): the walk gets a
    /// budget of VM steps (`budget`) and, past it (~20–30 ms), the query is run again unpinned, the
    /// planner picking the filter's index and sorting what it finds (`probeMatches` and
    /// `sortMatches` keep the FTS set as the driving or probed side). `rareCap`, `denseCap` and
    /// `budget` are parameters so tests can force every path.
    static func page(
        _ db: Database, _ q: CompanyQuery, key: RowKey?, limit: Int, forward: Bool, rareCap: Int = rareSearchCap,
        denseCap: Int = denseSearchCap, budget: Int32 = scanBudget
    ) throws -> CompanyPage {
        guard limit > 0 else { return CompanyPage(rows: [], keys: [], hasMore: false) }
        let plan = SortPlan(q)
        var start: KeyParts?
        if let key {
            guard let k = KeyParts(key, plan) else { throw StoreQueryError.badRowKey(key, q.sort) }
            start = k
        }
        let search = SearchPlan(q.search)
        let ascending = forward != plan.descending
        let dir = ascending ? "ASC" : "DESC"
        let op = ascending ? ">" : "<"

        var segments: [Segment] = plan.nullable ? [.nonNull, .null] : [.all]
        if !forward { segments.reverse() }
        if let start, plan.nullable {
            let keySeg: Segment = start.primary.isNull ? .null : .nonNull
            segments = Array(segments.drop { $0 != keySeg })
        }

        let want = limit + 1
        /// `walk`: pin the filters so the sort's index drives the query.
        func read(_ strategy: SearchStrategy?, walk: Bool) throws -> ([CompanyRow], [RowKey]) {
            var rows: [CompanyRow] = []
            var keys: [RowKey] = []
            let conds = filters(q, pinned: walk)
            for (i, seg) in segments.enumerated() where rows.count < want {
                var b = SQLBuilder()
                if strategy == .sortMatches, let (cand, a) = search.candidates {
                    b.add("WITH m(id) AS MATERIALIZED (\(cand)) SELECT \(rowColumns), c.\(plan.primary) FROM m CROSS JOIN company c ON c.id = m.id WHERE 1", a)
                } else {
                    b.add("SELECT \(rowColumns), c.\(plan.primary) FROM company c WHERE 1")
                }
                switch strategy {
                case .probeMatches?:
                    // First, so a row is tested on the index's id before any table lookup.
                    b.add(" AND \(MatchSet.functionName)(c.id)")
                case .testRows?:
                    if let (t, a) = search.test { b.add(" AND " + t, a) }
                case .sortMatches?, nil:
                    break
                }
                if strategy == nil, case .prefix(let p) = search {
                    b.add(" AND c.name_key >= ? AND c.name_key < ?", [p, p + "\u{10FFFF}"])
                }
                for (s, a) in conds { b.add(" AND " + s, a) }
                var cols = plan.columns
                switch seg {
                case .all: break
                case .nonNull: b.add(" AND c.\(plan.primary) IS NOT NULL")
                case .null:
                    b.add(" AND c.\(plan.primary) IS NULL")
                    cols.removeFirst()
                }
                if i == 0, let start {
                    var values: [(any DatabaseValueConvertible)?] = []
                    if seg != .null { values.append(start.primary) }
                    if plan.secondary { values.append(start.name ?? "") }
                    values.append(start.id)
                    let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
                    b.add(" AND (\(cols.joined(separator: ", "))) \(op) (\(marks))", values)
                }
                b.add(" ORDER BY " + cols.map { "\($0) \(dir)" }.joined(separator: ", "))
                b.add(" LIMIT \(want - rows.count)")
                func fetch() throws {
                    // kawal_match exists only while its set is installed: never cache that statement.
                    let statement = strategy == .probeMatches ? try db.makeStatement(sql: b.sql) : try db.cachedStatement(sql: b.sql)
                    let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(b.args))
                    while let row = try cursor.next() {
                        rows.append(companyRow(row))
                        keys.append(KeyParts(primary: row[13], name: row[10], id: row[0]).rowKey(plan))
                    }
                }
                if strategy == .probeMatches {
                    try matches().installed(on: db, fetch)
                } else {
                    try fetch()
                }
            }
            return (rows, keys)
        }

        /// The search's matches as a bitmap, read once (outside any step budget's walk).
        var matchSet: MatchSet?
        func matches() throws -> MatchSet {
            if let matchSet { return matchSet }
            // Only substring searches probe; they always have candidates.
            let set = try search.candidates.map { try MatchSet(db, sql: $0.0, arguments: StatementArguments($0.1)) } ?? MatchSet()
            matchSet = set
            return set
        }

        /// Reads the page with the strategy the number of matches calls for.
        func planned() throws -> ([CompanyRow], [RowKey]) {
            let cap = max(rareCap, denseCap)
            let n: Int
            if case .substrings = search, let (cand, a) = search.candidates {
                // One read of the matches, capped, gives both the estimate and the set to probe.
                let set = try MatchSet(db, sql: "\(cand) LIMIT ?", arguments: StatementArguments(a + [cap]))
                if set.count < cap { matchSet = set }
                n = set.count
            } else {
                n = try estimate(db, search, cap: cap)
            }
            let strategy = Self.strategy(search, matches: n, rareCap: rareCap, denseCap: denseCap)
            if strategy == .sortMatches { return try read(.sortMatches, walk: false) }
            if strategy == .probeMatches { _ = try matches() }  // outside the walk's budget
            if let page = try interruptible(db, budget, { try read(strategy, walk: true) }) { return page }
            // Sparse where the page starts: let the planner use a filter's index and sort.
            // Without filters: a probe walk that ran long sorts the matches instead (at most
            // `denseCap` lookups); a row-testing walk probes the matches instead.
            let unfiltered = filters(q).isEmpty
            let fallback: SearchStrategy =
                switch strategy {
                case .probeMatches where unfiltered: .sortMatches
                case .testRows where unfiltered && search.candidates != nil: .probeMatches
                default: strategy
                }
            return try read(fallback, walk: false)
        }

        var rows: [CompanyRow]
        var keys: [RowKey]
        let namePrefix: Bool = if case .prefix = search, q.sort == .name { true } else { false }
        if search == .none || namePrefix {
            // The name range is the sort's own index: a seek, whatever the prefix's frequency.
            (rows, keys) = try read(nil, walk: false)
        } else {
            (rows, keys) = try planned()
        }
        let hasMore = rows.count > limit
        if hasMore {
            rows.removeLast()
            keys.removeLast()
        }
        if !forward {
            rows.reverse()
            keys.reverse()
        }
        return CompanyPage(rows: rows, keys: keys, hasMore: hasMore)
    }

    static func companyRow(_ row: Row) -> CompanyRow {
        CompanyRow(
            id: row[0], name: row[1], legalForm: LegalForm(rawValue: row[2]) ?? .perorangan, kecamatan: row[3],
            sectorCode: row[4], estimatedWorkers: row[5], registeredWorkers: row[6],
            status: ComplianceStatus(rawValue: row[7]) ?? .pwbd,
            stage: (row[8] as String?).flatMap(Stage.init(rawValue:)),
            nextDeadline: (row[9] as String?).flatMap(Day.init(parsing:)),
            kelurahan: row[11], npwp: (row[12] as String?).flatMap { try? NPWP($0) })
    }
}

// MARK: - Reads

extension AppDatabase {
    /// The number of companies.
    public func companyCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM company") ?? 0 }
    }

    /// The number of companies the query lists (filters and search; the sort is irrelevant).
    public func companyCount(_ query: CompanyQuery) throws -> Int {
        try read { db in try CompanyList.count(db, query) }
    }

    /// The number of companies the query lists, or nil when `abandoned` turns true while
    /// counting: an exact count of a common word takes tens of milliseconds, and one for a
    /// search the user has already typed past must not hold up the next one.
    public func companyCount(_ query: CompanyQuery, abandoned: @escaping @Sendable () -> Bool) throws -> Int? {
        try read { db in try CompanyList.abandonable(db, abandoned) { try CompanyList.count(db, query) } }
    }

    /// The number of companies the query lists, counting no further than `cap`: a broad
    /// search answers "at least `cap`" at once, and the exact count can follow.
    public func companyCount(_ query: CompanyQuery, upTo cap: Int) throws -> Int {
        try read { db in try CompanyList.count(db, query, cap: max(1, cap)) }
    }

    /// Rows strictly after `after` in the query's order (nil = from the top), at most `limit`.
    /// `hasMore`: more rows exist after the page.
    public func companies(_ query: CompanyQuery, after: RowKey?, limit: Int) throws -> CompanyPage {
        try read { db in try CompanyList.page(db, query, key: after, limit: limit, forward: true) }
    }

    /// Rows from `from` on, that row included while it is still in the list, at most `limit`, in
    /// display order: a window read again after the data changed. `hasMore`: more rows follow.
    public func companies(_ query: CompanyQuery, from: RowKey, limit: Int) throws -> CompanyPage {
        // The keys compare as a tuple ending with the id, all in the list's direction: the key
        // one id before `from` (after it, when the list descends) is the last one before it.
        let before = RowKey(id: from.id + (SortPlan(query).descending ? 1 : -1), sortValue: from.sortValue)
        return try read { db in try CompanyList.page(db, query, key: before, limit: limit, forward: true) }
    }

    /// Rows strictly before `before` (nil = the end of the list), at most `limit`, in display order.
    /// `hasMore`: more rows exist before the page.
    public func companies(_ query: CompanyQuery, before: RowKey?, limit: Int) throws -> CompanyPage {
        try read { db in try CompanyList.page(db, query, key: before, limit: limit, forward: false) }
    }

    /// The KBLI codes present, for the filter menu.
    public func distinctSectors() throws -> [String] {
        // Skip-scan of the kbli index: one seek per distinct code, fast on a million rows.
        try read { db in
            var out: [String] = []
            var last: String? = nil
            let st = try db.cachedStatement(sql: "SELECT kbli FROM company WHERE kbli > ? ORDER BY kbli LIMIT 1")
            while let next = try String.fetchOne(st, arguments: [last ?? ""]) {
                out.append(next)
                last = next
            }
            return out
        }
    }

    /// The company, its sources, its case and the case history (newest first).
    public func companyDetail(id: Int64) throws -> CompanyDetail? {
        try read { db in try Self.companyDetail(db, id: id) }
    }

    /// The company's current case: its open one, else its latest (`SchemaV1.currentCaseFirst`).
    static func currentCase(_ db: Database, companyID: Int64) throws -> ComplianceCase? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, stage, opened_on, next_deadline, assignee FROM compliance_case
            WHERE company_id = ? ORDER BY \(SchemaV1.currentCaseFirst) LIMIT 1
            """), arguments: [companyID]).map { c in
            ComplianceCase(
                id: c[0], companyID: companyID, stage: Stage(rawValue: c[1]) ?? .identified,
                openedOn: Day(parsing: c[2]) ?? Day(serial: 0),
                nextDeadline: (c[3] as String?).flatMap(Day.init(parsing:)), assignee: c[4])
        }
    }

    static func companyDetail(_ db: Database, id: Int64) throws -> CompanyDetail? {
        do {
            guard let r = try Row.fetchOne(db, sql: """
                SELECT id, name, legal_form, npwp, nib, npp, kbli, address, kelurahan, kecamatan, phone, owner,
                    estimated_workers, registered_workers, scale, status FROM company WHERE id = ?
                """, arguments: [id]) else { return nil }
            let company = Company(
                id: r[0], name: r[1], legalForm: LegalForm(rawValue: r[2]) ?? .perorangan,
                npwp: (r[3] as String?).flatMap { try? NPWP($0) }, nib: (r[4] as String?).flatMap { try? NIB($0) },
                npp: (r[5] as String?).flatMap { try? NPP($0) }, sector: Sector.forCode(r[6]), address: r[7],
                kelurahan: r[8], kecamatan: r[9], phone: r[10], owner: r[11], estimatedWorkers: r[12],
                registeredWorkers: r[13], scale: Scale(rawValue: r[14]) ?? .mikro,
                status: ComplianceStatus(rawValue: r[15]) ?? .pwbd)
            let sources = try Row.fetchAll(db, sql: """
                SELECT field, source, value FROM field_source WHERE company_id = ? ORDER BY field, source
                """, arguments: [id]).map {
                SourcedValue(field: $0[0], source: DataSource(rawValue: $0[1]) ?? .manual, value: $0[2])
            }
            let complianceCase = try currentCase(db, companyID: id)
            var events: [CaseEvent] = []
            if let cid = complianceCase?.id {
                events = try Row.fetchAll(db, sql: """
                    SELECT id, occurred_on, recorded_at, actor, kind, detail FROM case_event
                    WHERE case_id = ? ORDER BY occurred_on DESC, id DESC
                    """, arguments: [cid]).map { e in
                    CaseEvent(
                        id: e[0], caseID: cid, occurredOn: Day(parsing: e[1]) ?? Day(serial: 0), recordedAt: e[2],
                        actor: e[3], kind: EventKind(rawValue: e[4]) ?? .note,
                        detail: (try? EventJSON.decode(e[5])) ?? EventDetail(text: e[5]))
                }
            }
            let actors = Set(events.map(\.actor))
            let names = actors.isEmpty ? [:] : try AppDatabase.officerNames(db).filter { actors.contains($0.key) }
            return CompanyDetail(
                company: company, sources: sources, complianceCase: complianceCase, events: events, actorNames: names)
        }
    }
}
