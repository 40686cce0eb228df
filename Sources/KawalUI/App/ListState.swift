import KawalDomain

/// The companies list: a window of loaded rows over a keyset-paged list that may hold a
/// million rows. Only the window lives in memory; moving past its edge asks for more.
public struct ListState: Hashable, Sendable {
    /// Rows read per request.
    public static let pageSize = 100
    /// Rows kept at most; the far side is dropped beyond this.
    public static let maxWindow = 600

    public var query: CompanyQuery
    /// Bumped whenever the query changes, so late answers to an old query are ignored.
    public var generation = 0
    public var rows: [CompanyRow] = []
    public var keys: [RowKey] = []
    /// Absolute position of `rows[0]` in the whole list, when known.
    public var windowStart: Int? = 0
    /// No rows before the window / after it.
    public var atStart = true
    public var atEnd = false
    /// Index into `rows` of the selected row, and of the first visible row.
    public var cursor = 0
    public var top = 0
    /// Rows in the whole list, once counted; while `totalIsExact` is false, only "at least".
    public var total: Int?
    public var totalIsExact = true
    /// A request in flight, so the same one is not asked twice.
    public var pending: PageRequest?
    /// Movement asked for beyond the loaded rows, applied when they arrive.
    public var pendingDelta = 0
    /// The window was read from the end (G), so its start is known once the count is.
    public var anchoredAtEnd = false
    /// Whether the first page of the current query has arrived.
    public var loaded = false

    public init(query: CompanyQuery = CompanyQuery()) {
        self.query = query
    }

    public var selected: CompanyRow? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// Absolute position of the cursor, when known.
    public var absoluteCursor: Int? { windowStart.map { $0 + cursor } }
}
