import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through the SQLite C API, its columns read in place:
/// GRDB's `StatementArguments` box every value and its `Row` copies every row with its column
/// names, which costs more than the statement itself on the import's and the demo's paths.
/// The `Statement` it was made from must outlive it.
struct RawRow {
    let handle: OpaquePointer
    let db: Database

    init(_ statement: Statement, _ db: Database) {
        handle = statement.sqliteStatement
        self.db = db
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

    /// Binds a text (NULL when nil) from its UTF-8, copied by SQLite.
    func bind(_ index: Int32, _ value: String?) {
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

    /// Steps to the next row: false at the end.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// Ready to run again, with no values bound.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column's text ("" for NULL).
    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    func optionalText(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}

/// A prepared INSERT whose values are bound in order, then run: for the demo bulk load and
/// the import's row writes.
struct BulkStatement {
    private let statement: Statement  // keeps the sqlite3_stmt alive
    private let row: RawRow
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        row = RawRow(statement, db)
    }

    private var handle: OpaquePointer { row.handle }

    mutating func bind(_ value: String?) {
        index += 1
        row.bind(index, value)
    }

    mutating func bind(_ value: Int?) {
        index += 1
        guard let value else { sqlite3_bind_null(handle, index); return }
        row.bind(index, Int64(value))
    }

    mutating func bind(_ value: Int64) {
        index += 1
        row.bind(index, value)
    }

    /// Runs the statement with the values bound since the last run.
    mutating func run() throws {
        index = 0
        defer { sqlite3_reset(handle) }
        _ = try row.step()
    }
}

extension BulkStatement {
    private static let staticText = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    /// Binds the next `count` values of `batch` from `position` and runs. Texts are bound in
    /// place from the batch's byte buffer (`SQLITE_STATIC`): SQLite reads them during the step
    /// and the reset drops its references, so no string is copied, retained or freed per value.
    mutating func run(_ batch: BulkBatch, from position: inout Int, count: Int) throws {
        try batch.text.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            for k in position..<(position + count) {
                index += 1
                switch batch.values[k] {
                case .null: sqlite3_bind_null(handle, index)
                case .int(let i): sqlite3_bind_int64(handle, index, i)
                case .text(let start, let length):
                    if length == 0 || base == nil {
                        sqlite3_bind_text(handle, index, "", 0, RawRow.transient)
                    } else {
                        sqlite3_bind_text(handle, index, base! + Int(start), length, Self.staticText)
                    }
                }
            }
            try run()
        }
        position += count
    }

    var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }
}

/// One value of a generated row; a text is a slice of its batch's byte buffer.
enum BulkValue: Sendable {
    case null
    case int(Int64)
    case text(start: Int32, length: Int32)
}

/// Generated rows, ready to insert: which statement each row goes to, all values in order, and
/// the UTF-8 bytes of every text value one after another (one allocation instead of one per
/// string, and nothing to release per value on the inserting thread).
struct BulkBatch: Sendable {
    var tables: [UInt8] = []
    var values: [BulkValue] = []
    var text: [UInt8] = []

    mutating func append(_ value: String?) {
        guard let value else { values.append(.null); return }
        let start = text.count
        text.append(contentsOf: value.utf8)
        values.append(.text(start: Int32(start), length: Int32(text.count - start)))
    }

    /// A text written straight into the buffer by `write`, which appends its UTF-8.
    mutating func appendText(_ write: (inout [UInt8]) -> Void) {
        let start = text.count
        write(&text)
        values.append(.text(start: Int32(start), length: Int32(text.count - start)))
    }

    mutating func append(_ value: Int64?) {
        values.append(value.map { .int($0) } ?? .null)
    }
}

/// Collects the rows a generator emits into the current batch.
final class BulkRecorder {
    var batch = BulkBatch()

    func take() -> BulkBatch {
        let capacity = (batch.tables.count, batch.values.count, batch.text.count)
        defer {
            batch = BulkBatch()
            batch.tables.reserveCapacity(capacity.0)
            batch.values.reserveCapacity(capacity.1)
            batch.text.reserveCapacity(capacity.2)
        }
        return batch
    }
}

/// Where a generator writes one table's rows: same calls as `BulkStatement`, recorded instead of run.
struct RowSink {
    let table: UInt8
    let recorder: BulkRecorder

    func bind(_ value: String?) { recorder.batch.append(value) }
    func bind(_ value: Int?) { recorder.batch.append(value.map(Int64.init)) }
    func bind(_ value: Int64) { recorder.batch.append(value) }
    func bind(writing write: (inout [UInt8]) -> Void) { recorder.batch.appendText(write) }
    func run() { recorder.batch.tables.append(table) }
}
