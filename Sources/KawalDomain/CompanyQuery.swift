/// The columns the companies list can be sorted by.
public enum CompanySort: String, CaseIterable, Sendable, Codable, Hashable {
    case name
    case kecamatan
    case sector
    /// Unprotected workers, most first.
    case unprotected
    case status
    case stage
    /// Next deadline, soonest first; companies without one last.
    case deadline

    /// Whether the natural direction is descending (largest first).
    public var descendingByDefault: Bool { self == .unprotected }
}

/// Which companies a list shows and in what order. The TUI, the CLI and the store share it.
public struct CompanyQuery: Hashable, Sendable, Codable {
    /// Empty sets mean "any".
    public var statuses: Set<ComplianceStatus>
    public var stages: Set<Stage>
    public var kecamatan: Set<String>
    public var sectors: Set<String>
    /// Free text: substrings of name, address, NPWP or owner. Empty means no search.
    public var search: String
    public var sort: CompanySort
    /// Reverses the sort's natural direction.
    public var reversed: Bool

    public init(
        statuses: Set<ComplianceStatus> = [], stages: Set<Stage> = [], kecamatan: Set<String> = [],
        sectors: Set<String> = [], search: String = "", sort: CompanySort = .name, reversed: Bool = false
    ) {
        self.statuses = statuses
        self.stages = stages
        self.kecamatan = kecamatan
        self.sectors = sectors
        self.search = search
        self.sort = sort
        self.reversed = reversed
    }

    /// Whether any filter (not the search) narrows the list.
    public var hasFilters: Bool { !statuses.isEmpty || !stages.isEmpty || !kecamatan.isEmpty || !sectors.isEmpty }

    /// Removes every filter, keeping the search and the sort.
    public mutating func clearFilters() {
        statuses = []
        stages = []
        kecamatan = []
        sectors = []
    }

    /// The search text without surrounding spaces.
    public var trimmedSearch: String { search.trimmingSpaces }
}

/// A position in a sorted list: the row a keyset page starts after (or ends before).
///
/// Opaque to the UI: it takes the key from a row the store returned and hands it back.
public struct RowKey: Hashable, Sendable {
    public var id: Int64
    /// The sort column's value for that row, encoded by the store.
    public var sortValue: SortValue

    public init(id: Int64, sortValue: SortValue) {
        self.id = id
        self.sortValue = sortValue
    }
}

/// A sort column's value; nil sorts last in either direction.
public enum SortValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case null
}

/// One page of a keyset-paged list, in display order.
public struct CompanyPage: Hashable, Sendable {
    public var rows: [CompanyRow]
    /// The keyset key of each row, parallel to `rows`.
    public var keys: [RowKey]
    /// Whether more rows exist beyond this page in the direction it was read.
    public var hasMore: Bool

    public init(rows: [CompanyRow], keys: [RowKey], hasMore: Bool) {
        self.rows = rows
        self.keys = keys
        self.hasMore = hasMore
    }
}
