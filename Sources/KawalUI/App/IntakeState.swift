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
///
/// The queue may hold any number of pairs; a page of them is held at a time, and moving past
/// either end of it reads the next or the previous page.
public struct DuplicateReviewState: Hashable, Sendable {
    /// Pairs read per page, oldest first.
    public static let limit = 100

    /// The page held.
    public var pairs: [DuplicatePair] = []
    /// Pairs waiting in all.
    public var pending = 0
    /// How many pending pairs come before `pairs[0]`.
    public var first = 0
    public var loaded = false
    /// The selected pair's index in `pairs`.
    public var cursor = 0
    /// The page being read, if any: where the cursor goes when it comes.
    public var paging: DuplicatePage?
    /// A decision waiting for the user's confirmation.
    public var confirming: Confirmation?
    /// The pair whose decision is being saved.
    public var saving: Int64?

    public init() {}

    /// A decision asked about, with the pair it is about: a refresh that finds that pair gone
    /// (decided in another Kawal) withdraws it rather than let `y` land on whichever pair took
    /// its place.
    public struct Confirmation: Hashable, Sendable {
        public var decision: DuplicateDecision
        public var pairID: Int64
    }

    public var selected: DuplicatePair? { pairs.indices.contains(cursor) ? pairs[cursor] : nil }

    /// The selected pair's place in the whole queue, from 1.
    public var position: Int { first + cursor + 1 }

    /// Whether pending pairs lie after the page held.
    public var hasMoreAfter: Bool { first + pairs.count < pending }
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
