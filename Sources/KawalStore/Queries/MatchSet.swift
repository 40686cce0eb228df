import GRDB
import GRDBSQLite

/// The ids a search matches, as a bitmap, tested from SQL through `kawal_match(id)`.
///
/// A search page walks the sort's index and keeps the rows whose id the search matched. An
/// `IN (SELECT rowid FROM company_fts …)` set costs SQLite an ephemeral B-tree: about 10 ms to
/// build for 25,000 matches and a B-tree probe per walked row, so "kau" (first page 85,000
/// rows deep in name order) took 50–80 ms. A bitmap of the matched ids costs one bit test per
/// walked row, through a C function with no allocation, and the same walk takes 10–20 ms.
final class MatchSet {
    /// One bit per id from 0 to the largest id, when that fits in `bitmapLimit` ids.
    private let words: [UInt64]
    /// The ids, when they are too far apart for a bitmap.
    private let sparse: Set<Int64>?
    /// How many rows the query returned.
    let count: Int

    /// Ids up to this bound go in a bitmap (8 MB at most); beyond it, a hash set.
    static let bitmapLimit: Int64 = 64 << 20

    /// The empty set.
    init() {
        words = []
        sparse = nil
        count = 0
    }

    /// Reads the rowids `sql` returns (one integer column) into the set.
    init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        let ids = try Int64.fetchAll(db.makeStatement(sql: sql), arguments: arguments)
        count = ids.count
        let largest = ids.max() ?? -1
        if largest < Self.bitmapLimit {
            var words = [UInt64](repeating: 0, count: Int(largest >> 6) + 1)
            for id in ids where id >= 0 { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
            self.words = words
            sparse = nil
        } else {
            words = []
            sparse = Set(ids)
        }
    }

    func contains(_ id: Int64) -> Bool {
        if let sparse { return sparse.contains(id) }
        guard id >= 0 else { return false }
        let w = Int(id >> 6)
        return w < words.count && words[w] & (1 << UInt64(id & 63)) != 0
    }

    /// The SQL function's name; it takes an id and answers 1 when the set holds it.
    static let functionName = "kawal_match"

    /// Runs `body` with `kawal_match(id)` testing this set on `db`'s connection. Statements that
    /// call it must not be cached: the function exists only during `body`.
    func installed<T>(on db: Database, _ body: () throws -> T) throws -> T {
        let conn = db.sqliteConnection
        let box = Unmanaged.passRetained(self).toOpaque()
        let rc = sqlite3_create_function_v2(
            conn, Self.functionName, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, box,
            { ctx, _, argv in
                let set = Unmanaged<MatchSet>.fromOpaque(sqlite3_user_data(ctx)!).takeUnretainedValue()
                let id = sqlite3_value_int64(argv![0])
                sqlite3_result_int(ctx, set.contains(id) ? 1 : 0)
            },
            nil, nil,
            { p in if let p { Unmanaged<MatchSet>.fromOpaque(p).release() } })
        guard rc == SQLITE_OK else {
            // A failed registration has already run the destructor, which released the set.
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: "cannot install \(Self.functionName)")
        }
        // Deleting the function runs the destructor, which releases the set.
        defer { sqlite3_create_function_v2(conn, Self.functionName, 1, SQLITE_UTF8, nil, nil, nil, nil, nil) }
        return try body()
    }
}
