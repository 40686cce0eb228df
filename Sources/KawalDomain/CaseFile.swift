/// Everything the case screen and `kawal case show` need about one case, read in one go.
public struct CaseFile: Hashable, Sendable {
    /// The company, its sources, the case row and its history (newest first).
    public var detail: CompanyDetail
    /// The case derived from its history.
    public var state: CaseState
    /// Who is looking, as the branch knows them.
    public var identity: Identity
    /// Every action with its verdict for `identity` today.
    public var actions: [ActionVerdict]
    /// The day the officer should look at the case next.
    public var nextDeadline: Day?
    /// The day a date-held case may move up again (see `EscalationPolicy.escalationOpens`).
    public var escalationOpens: Day?
    /// Names of the officers, by login, to show people by name.
    public var officerNames: [String: String]
    public var today: Day

    public init(
        detail: CompanyDetail, state: CaseState, identity: Identity, actions: [ActionVerdict], nextDeadline: Day?,
        escalationOpens: Day?, officerNames: [String: String], today: Day
    ) {
        self.detail = detail
        self.state = state
        self.identity = identity
        self.actions = actions
        self.nextDeadline = nextDeadline
        self.escalationOpens = escalationOpens
        self.officerNames = officerNames
        self.today = today
    }

    public var caseID: Int64 { detail.complianceCase?.id ?? 0 }

    /// The officer's name, or the login when the branch does not know it.
    public func name(of login: String) -> String { officerNames[login] ?? login }
}

/// One line of `kawal case list`: a case with its derived columns.
public struct CaseSummary: Hashable, Sendable, Codable {
    public var caseID: Int64
    public var companyID: Int64
    public var companyName: String
    public var stage: Stage
    public var openedOn: Day
    public var nextDeadline: Day?
    public var assignee: String?
    public var assigneeName: String?
    public var promiseUntil: Day?
    public var escalationOpens: Day?
    public var referralRequestedBy: String?

    public init(
        caseID: Int64, companyID: Int64, companyName: String, stage: Stage, openedOn: Day, nextDeadline: Day?, assignee: String?,
        assigneeName: String?, promiseUntil: Day?, escalationOpens: Day?, referralRequestedBy: String?
    ) {
        self.caseID = caseID
        self.companyID = companyID
        self.companyName = companyName
        self.stage = stage
        self.openedOn = openedOn
        self.nextDeadline = nextDeadline
        self.assignee = assignee
        self.assigneeName = assigneeName
        self.promiseUntil = promiseUntil
        self.escalationOpens = escalationOpens
        self.referralRequestedBy = referralRequestedBy
    }
}
