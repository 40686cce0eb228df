import KawalDomain

/// The import history screen: the latest imports, newest first.
public struct ImportHistoryState: Hashable, Sendable {
    /// Imports read at most: a branch imports a few lists a month, so this is years of history.
    public static let limit = 500

    public var runs: [ImportRun] = []
    /// Imports recorded in all.
    public var total = 0
    public var loaded = false
    public var cursor = 0
    public var top = 0

    public init() {}

    public var selected: ImportRun? { runs.indices.contains(cursor) ? runs[cursor] : nil }
}

/// The duplicate review screen: pending possible duplicates, one pair shown side by side.
public struct DuplicateReviewState: Hashable, Sendable {
    /// Pairs read per load, oldest first; the next ones come as these are decided.
    public static let limit = 100

    public var pairs: [DuplicatePair] = []
    /// Pairs waiting in all.
    public var pending = 0
    public var loaded = false
    public var cursor = 0
    /// A decision waiting for the user's confirmation.
    public var confirming: DuplicateDecision?
    /// The pair whose decision is being saved.
    public var saving: Int64?

    public init() {}

    public var selected: DuplicatePair? { pairs.indices.contains(cursor) ? pairs[cursor] : nil }
}

/// Why a review decision was not saved.
public enum ReviewFailure: Hashable, Sendable {
    /// Someone else decided the pair first.
    case alreadyDecided(DuplicateStatus)
    /// The database cannot be written.
    case readOnly
    /// Another program held the database's write lock (a long import); nothing was written.
    case busy
    /// The disk is full; nothing was written.
    case diskFull
    /// Anything else, in words.
    case other(String)
}
