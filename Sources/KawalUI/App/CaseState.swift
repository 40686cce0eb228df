import KawalDomain

/// The person at the keyboard: the OS login, resolved by the executable (never by a flag),
/// and the officer record it maps to, if any.
public struct ActingOfficer: Hashable, Sendable {
    public var login: String
    /// The officer's name, when the login is a known officer.
    public var name: String?
    /// The officer's role; nil for a login the branch does not know (who may only browse).
    public var role: OfficerRole?
    /// Whether any open case is assigned to the officer.
    public var hasOpenCases: Bool

    public init(login: String, name: String? = nil, role: OfficerRole? = nil, hasOpenCases: Bool = false) {
        self.login = login
        self.name = name
        self.role = role
        self.hasOpenCases = hasOpenCases
    }

    /// The officer as the branch knows them.
    public init(_ identity: Identity, hasOpenCases: Bool = false) {
        self.init(login: identity.login, name: identity.officer?.name, role: identity.officer?.role, hasOpenCases: hasOpenCases)
    }

    /// Whether the day starts on the worklist: an officer with cases of their own, or a
    /// supervisor (who approves). Anyone else (an admin, a new officer, an unknown login)
    /// starts on the companies list; `t` shows the worklist.
    public var startsOnWorklist: Bool { isKnown && (hasOpenCases || isSupervisor) }

    public var isKnown: Bool { role != nil }
    /// Supervisors approve referral requests.
    public var isSupervisor: Bool { role?.may(.approveReferral) ?? false }

    /// How the officer is shown: the name, else the login.
    public var display: String { name ?? login }

    /// The identity the policy judges.
    public var identity: Identity {
        if let role { return .officer(Officer(login: login, name: name ?? login, role: role)) }
        return .unknown(login: login)
    }
}

/// The screen under the stack.
public enum RootScreen: Hashable, Sendable {
    case worklist
    case companies
}

/// The "Hari ini" worklist: one bounded answer, a cursor over its entries.
public struct WorklistState: Hashable, Sendable {
    public var scope: TodayScope = .mine
    /// Bumped on every request, so a late answer to an old one is ignored.
    public var generation = 0
    public var worklist: TodayList?
    /// Cases per stage, read after the sections (they read every case of the scope).
    public var stageCounts: [Stage: Int]?
    /// Index into `entries` of the selected entry, and of the first visible line.
    public var cursor = 0
    public var top = 0
    /// Whether the approvals section shows (to supervisors, who approve).
    public var showsApprovals: Bool

    public init(showsApprovals: Bool = false) {
        self.showsApprovals = showsApprovals
    }

    /// The sections shown, in order.
    public var sections: [TodaySection] {
        TodaySection.allCases.filter { $0 != .approvals || showsApprovals }
    }

    /// Every entry shown, in display order (section by section).
    public var entries: [TodayEntry] {
        guard let w = worklist else { return [] }
        return sections.flatMap { w.rows($0) }
    }

    public var selected: TodayEntry? {
        let e = entries
        return e.indices.contains(cursor) ? e[cursor] : nil
    }
}

/// Why an action cannot be taken now.
public enum BlockReason: Hashable, Sendable {
    /// The database is read-only.
    case readOnly
    /// The login is not an officer of this branch.
    case notAnOfficer
    /// The policy refuses, with its typed reason.
    case policy(Refusal)
}

/// One next action of a case: allowed, or blocked with its reason.
public struct ActionOption: Hashable, Sendable {
    public var kind: CaseFormKind
    public var blocked: BlockReason?

    public init(kind: CaseFormKind, blocked: BlockReason? = nil) {
        self.kind = kind
        self.blocked = blocked
    }
}

/// What may be done next to a case, as the policy answers it, grouped by the forms that do it.
public struct CaseOutlook: Hashable, Sendable {
    public var caseID: Int64
    public var stage: Stage
    public var options: [ActionOption]
    /// Why the case cannot move up now, even when the stage form is open for stepping down.
    public var upBlocked: BlockReason?
    /// The stages the stage form may move the case to now (up first, then down).
    public var targets: [Stage]
    /// "menunggu janji s/d …": an open promise, if any.
    public var waitingOnPromise: Day?
    /// The referral request waiting for a supervisor, if any.
    public var referral: ReferralRequest?

    public init(caseID: Int64, stage: Stage, options: [ActionOption], upBlocked: BlockReason? = nil, targets: [Stage] = [],
                waitingOnPromise: Day? = nil, referral: ReferralRequest? = nil) {
        self.caseID = caseID
        self.stage = stage
        self.options = options
        self.upBlocked = upBlocked
        self.targets = targets
        self.waitingOnPromise = waitingOnPromise
        self.referral = referral
    }

    public func option(_ kind: CaseFormKind) -> ActionOption? { options.first { $0.kind == kind } }

    /// The outlook from the policy's verdicts on every action: a form is open when any action
    /// it records is allowed; when none is, it shows the refusal of the main one.
    public init(caseID: Int64, state: CaseState, verdicts: [ActionVerdict]) {
        func verdict(_ a: CaseAction) -> Verdict { verdicts.first { $0.action == a }?.verdict ?? .refused(.noHigherStage) }
        func option(_ kind: CaseFormKind, _ actions: [CaseAction], main: CaseAction) -> ActionOption {
            if actions.contains(where: { verdict($0).isAllowed }) { return ActionOption(kind: kind) }
            return ActionOption(kind: kind, blocked: verdict(main).refusal.map(BlockReason.policy))
        }
        let stage = state.stage
        let letters = LetterKind.allCases.map(CaseAction.logLetter)
        let visits = VisitKind.allCases.map(CaseAction.logVisit)
        // Up is a referral request at the sanction stage, a plain escalation below it.
        let up: CaseAction = stage == .sanctionRecommended ? .requestReferral : .escalate
        var targets: [Stage] = []
        if verdict(up).isAllowed, let next = stage.next { targets.append(next) }
        if verdict(.stepDown).isAllowed, let below = stage.previous { targets.append(below) }
        let upRefusal = verdict(up).refusal
        self.init(
            caseID: caseID, stage: stage,
            options: [
                option(.letter, letters, main: .logLetter(CaseFormKind.suggestedLetter(stage))),
                option(.visit, visits, main: .logVisit(.kunjungan)),
                option(.contact, [.logContact, .note], main: .logContact),
                option(.promise, [.promise], main: .promise),
                targets.isEmpty ? ActionOption(kind: .escalation, blocked: upRefusal.map(BlockReason.policy)) : ActionOption(kind: .escalation),
                option(.approval, [.approveReferral], main: .approveReferral),
                option(.compliance, [.comply], main: .comply),
                option(.closing, [.close], main: .close),
            ],
            upBlocked: upRefusal.map(BlockReason.policy), targets: targets, waitingOnPromise: state.openPromise?.until,
            referral: state.referralRequest)
    }
}

/// Why a save (or a letter) failed, in terms the user can act on.
public enum SaveFailure: Error, Hashable, Sendable {
    /// The policy refused; nothing was written.
    case refused(Refusal)
    case readOnly
    case notAnOfficer
    /// Another program held the database's write lock (a long import); nothing was written.
    case busy
    /// The disk is full; nothing was written.
    case diskFull
    /// Anything else (the store's message).
    case other(String)
}

/// A letter shown before it is sent, scrollable, with a key that writes it to a file.
public struct LetterPreviewState: Hashable, Sendable {
    public var caseID: Int64
    public var companyName: String
    public var kind: LetterKind
    public var lines: [String]?
    public var failure: SaveFailure?
    public var scroll = 0
    /// Where the file was written, once it was.
    public var writtenTo: String?

    public init(caseID: Int64, companyName: String, kind: LetterKind) {
        self.caseID = caseID
        self.companyName = companyName
        self.kind = kind
    }
}
