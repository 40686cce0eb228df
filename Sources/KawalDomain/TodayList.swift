/// Whose cases the worklist shows.
public enum TodayScope: String, CaseIterable, Sendable, Hashable {
    /// Cases assigned to the officer.
    case mine
    /// Every case of the branch.
    case all
}

/// What the "Hari ini" worklist asks for: one officer's day (or the whole branch's).
public struct TodayQuery: Hashable, Sendable {
    public var scope: TodayScope
    /// The OS login of the officer whose cases `mine` means.
    public var officer: String
    public var today: Day
    /// Rows read at most per section: the worklist is a day's work, not a report.
    public var limit: Int
    /// How far ahead a promise counts as falling due.
    public var promiseHorizonDays: Int
    /// How far back an overdue deadline or promise, or an opened rung, still shows.
    public var lookbackDays: Int

    public init(scope: TodayScope, officer: String, today: Day, limit: Int = 50,
                promiseHorizonDays: Int = 7, lookbackDays: Int = 120) {
        self.scope = scope
        self.officer = officer
        self.today = today
        self.limit = limit
        self.promiseHorizonDays = promiseHorizonDays
        self.lookbackDays = lookbackDays
    }
}

/// Why a case is on the worklist.
public enum TodayReason: Hashable, Sendable {
    /// The case's next deadline is today or has passed.
    case deadline(Day)
    /// A promise (surat pernyataan) falls due on this day (or fell due, unanswered).
    case promise(Day)
    /// The policy now allows moving the case up to this stage.
    case mayEscalate(to: Stage)
    /// A request for approval waits for a supervisor: who asked, and when.
    case approval(requestedBy: String, on: Day)
}

/// One line of the worklist: a case and why it is there.
public struct TodayEntry: Hashable, Sendable, Identifiable {
    public var companyID: Int64
    public var caseID: Int64
    /// The company's name as shown (with its legal form).
    public var companyName: String
    public var stage: Stage
    public var assignee: String?
    /// The assigned officer's name, when the branch knows the login.
    public var assigneeName: String?
    public var reason: TodayReason

    public var id: String { "\(caseID):\(reason)" }

    public init(companyID: Int64, caseID: Int64, companyName: String, stage: Stage, assignee: String?, assigneeName: String? = nil,
                reason: TodayReason) {
        self.companyID = companyID
        self.caseID = caseID
        self.companyName = companyName
        self.stage = stage
        self.assignee = assignee
        self.assigneeName = assigneeName
        self.reason = reason
    }
}

/// The sections of the worklist, in the order they are shown.
public enum TodaySection: String, CaseIterable, Sendable, Hashable {
    case deadlines
    case promises
    case escalations
    case approvals
}

/// Today's work: each section bounded, with whether more was left out, and the open cases per stage.
public struct TodayList: Hashable, Sendable {
    public var entries: [TodaySection: [TodayEntry]]
    /// Sections that had more rows than the query's limit.
    public var truncated: Set<TodaySection>
    /// Cases per stage in the scope (ends included).
    public var stageCounts: [Stage: Int]

    public init(entries: [TodaySection: [TodayEntry]] = [:], truncated: Set<TodaySection> = [], stageCounts: [Stage: Int] = [:]) {
        self.entries = entries
        self.truncated = truncated
        self.stageCounts = stageCounts
    }

    public func rows(_ section: TodaySection) -> [TodayEntry] { entries[section] ?? [] }
}
