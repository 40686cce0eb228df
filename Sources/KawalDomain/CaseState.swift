/// A letter on a case's record.
public struct LetterRecord: Hashable, Sendable {
    public var eventID: Int64
    public var kind: LetterKind
    public var day: Day
    public var number: String?
    public var deadline: Day?

    public init(eventID: Int64, kind: LetterKind, day: Day, number: String?, deadline: Day?) {
        self.eventID = eventID
        self.kind = kind
        self.day = day
        self.number = number
        self.deadline = deadline
    }
}

/// A visit on a case's record.
public struct VisitRecord: Hashable, Sendable {
    public var eventID: Int64
    public var kind: VisitKind
    public var day: Day
    public var outcome: VisitOutcome?
    public var bapNumber: String?

    public init(eventID: Int64, kind: VisitKind, day: Day, outcome: VisitOutcome?, bapNumber: String?) {
        self.eventID = eventID
        self.kind = kind
        self.day = day
        self.outcome = outcome
        self.bapNumber = bapNumber
    }
}

/// A written undertaking (*surat pernyataan*) the company signed, not yet kept or lapsed.
public struct PromiseRecord: Hashable, Sendable {
    public var eventID: Int64
    /// The day it was given.
    public var day: Day
    /// The day by which the company will register or pay.
    public var until: Day

    public init(eventID: Int64, day: Day, until: Day) {
        self.eventID = eventID
        self.day = day
        self.until = until
    }
}

extension PromiseRecord {
    /// An open promise holds escalation back through its promised day; escalation may happen
    /// again from the day after.
    public static func escalationOpens(afterPromiseUntil until: Day) -> Day { until.adding(days: 1) }

    /// The first day this promise no longer holds escalation back.
    public var escalationOpens: Day { Self.escalationOpens(afterPromiseUntil: until) }
}

/// A request to refer the case to the prosecutor, waiting for a supervisor.
public struct ReferralRequest: Hashable, Sendable {
    public var eventID: Int64
    /// The login of the officer who asked (who may not approve it).
    public var requestedBy: String
    public var day: Day
    /// The written justification.
    public var justification: String

    public init(eventID: Int64, requestedBy: String, day: Day, justification: String) {
        self.eventID = eventID
        self.requestedBy = requestedBy
        self.day = day
        self.justification = justification
    }
}

/// A case's current state, derived from its append-only history alone.
///
/// Events are applied in the order they were recorded (their ids); the day each one names
/// is what dates count from. A `correction` event voids the event it names (`corrects`): the
/// voided event stays in the history but no longer counts. To replace a mistaken event,
/// record the correction and then the right event.
public struct CaseState: Hashable, Sendable {
    public var stage: Stage
    public var openedOn: Day
    /// The day the case last reached each stage.
    public var reached: [Stage: Day]
    public var assignee: String?
    /// Every letter that counts, oldest record first.
    public var letters: [LetterRecord]
    /// Every visit that counts, oldest record first.
    public var visits: [VisitRecord]
    /// Calls and meetings.
    public var contacts: Int
    public var openPromise: PromiseRecord?
    public var referralRequest: ReferralRequest?
    /// The reason of the last closing stage change, as recorded.
    public var closingReason: String?
    /// Events voided by a correction.
    public var voided: Set<Int64>

    public init(stage: Stage, openedOn: Day, assignee: String? = nil) {
        self.stage = stage
        self.openedOn = openedOn
        self.reached = [.identified: openedOn]
        if stage != .identified { reached[stage] = openedOn }
        self.assignee = assignee
        self.letters = []
        self.visits = []
        self.contacts = 0
        self.openPromise = nil
        self.referralRequest = nil
        self.closingReason = nil
        self.voided = []
    }

    /// Derives the state from `events` (any order). `startingStage` is the stage of a case
    /// whose history records no stage change (a case opened directly at a stage).
    public init(openedOn: Day, events: [CaseEvent], startingStage: Stage = .identified, assignee: String? = nil) {
        self.init(stage: startingStage, openedOn: openedOn, assignee: assignee)
        let ordered = events.sorted { $0.id < $1.id }
        for e in ordered where e.kind == .correction {
            if let c = e.detail.corrects { voided.insert(c) }
        }
        for e in ordered where !voided.contains(e.id) { apply(e) }
    }

    private mutating func apply(_ e: CaseEvent) {
        let d = e.detail
        switch e.kind {
        case .letter:
            if let k = d.letterKind {
                letters.append(LetterRecord(eventID: e.id, kind: k, day: e.occurredOn, number: d.letterNumber, deadline: d.deadline))
            }
        case .visit:
            visits.append(VisitRecord(eventID: e.id, kind: d.visitKind ?? .kunjungan, day: e.occurredOn, outcome: d.outcome,
                                      bapNumber: d.bapNumber.flatMap { $0.isEmpty ? nil : $0 }))
        case .call, .meeting:
            contacts += 1
        case .promise:
            if let until = d.promiseUntil { openPromise = PromiseRecord(eventID: e.id, day: e.occurredOn, until: until) }
        case .promiseKept, .promiseLapsed:
            openPromise = nil
        case .stageChange:
            if let to = d.toStage {
                stage = to
                reached[to] = e.occurredOn
                referralRequest = nil
                if to == .closed { closingReason = d.reason }
            }
        case .approvalRequest:
            referralRequest = ReferralRequest(eventID: e.id, requestedBy: e.actor, day: e.occurredOn, justification: d.reason ?? d.text ?? "")
        case .approval:
            referralRequest = nil
        case .assignment:
            assignee = d.assignee
        case .note, .correction:
            break
        }
    }

    /// Persuasive contacts on record: notification and socialisation letters, and visits.
    public var persuasiveContacts: Int {
        letters.filter { $0.kind.isPersuasive }.count + visits.count
    }

    /// Written warnings on record (Teguran I and II).
    public var warningLetters: Int { letters.filter { $0.kind.isWarning }.count }

    /// The latest letter of `kind`.
    public func latestLetter(_ kind: LetterKind) -> LetterRecord? { letters.last { $0.kind == kind } }

    /// The BAP number of the latest examination visit that has one.
    public var bapNumber: String? { visits.last { $0.kind == .pemeriksaan && $0.bapNumber != nil }?.bapNumber }

    /// Whether the case is finished (compliant or closed).
    public var isEnded: Bool { stage.isEnd }
}

extension EventKind {
    /// Whether a correction may void an event of this kind. Stage changes, referral requests
    /// and approvals, assignments and corrections are not voided: a case moves back by
    /// stepping down with a reason, so its ladder cannot be rewritten after the fact.
    public var isCorrectable: Bool {
        switch self {
        case .letter, .visit, .call, .meeting, .note, .promise, .promiseLapsed, .promiseKept: return true
        case .stageChange, .approvalRequest, .approval, .assignment, .correction: return false
        }
    }
}
