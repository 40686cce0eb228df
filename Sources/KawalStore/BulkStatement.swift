import GRDB
import GRDBSQLite

/// A prepared INSERT bound and stepped through the SQLite C API, for the demo bulk load:
/// GRDB's `StatementArguments` box every value, which costs more than the insert itself.
struct BulkStatement {
    private let statement: Statement  // keeps the sqlite3_stmt alive
    private let handle: OpaquePointer
    private let db: Database
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        self.db = db
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else { sqlite3_bind_null(handle, index); return }
        value.withUTF8 { buf in
            if buf.isEmpty {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
            } else {
                _ = buf.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
                }
            }
        }
    }

    mutating func bind(_ value: Int?) {
        index += 1
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    mutating func bind(_ value: Int64) {
        index += 1
        sqlite3_bind_int64(handle, index, value)
    }

    /// Runs the statement with the values bound since the last run.
    mutating func run() throws {
        index = 0
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

extension BulkStatement {
    mutating func bind(_ value: BulkValue) {
        switch value {
        case .text(let s): bind(s)
        case .int(let i): bind(i.map(Int.init))
        }
    }

    /// Binds the next `count` values of `values` from `position` and runs.
    mutating func run(_ values: [BulkValue], from position: inout Int, count: Int) throws {
        for k in position..<(position + count) { bind(values[k]) }
        position += count
        try run()
    }

    var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }
}

/// One value of a generated row.
enum BulkValue: Sendable {
    case text(String?)
    case int(Int64?)
}

/// Generated rows, ready to insert: which statement each row goes to, and all values in order.
struct BulkBatch: Sendable {
    var tables: [UInt8] = []
    var values: [BulkValue] = []
}

/// Collects the rows a generator emits into the current batch.
final class BulkRecorder {
    var batch = BulkBatch()

    func take() -> BulkBatch {
        defer { batch = BulkBatch() }
        return batch
    }
}

/// Where a generator writes one table's rows: same calls as `BulkStatement`, recorded instead of run.
struct RowSink {
    let table: UInt8
    let recorder: BulkRecorder

    func bind(_ value: String?) { recorder.batch.values.append(.text(value)) }
    func bind(_ value: Int?) { recorder.batch.values.append(.int(value.map(Int64.init))) }
    func bind(_ value: Int64) { recorder.batch.values.append(.int(value)) }
    func run() { recorder.batch.tables.append(table) }
}
