/// The branch's day counts and thresholds for the ladder, stored per branch.
public struct PolicySettings: Hashable, Sendable, Codable {
    /// Working days a written warning gives the company (PP 86/2013 art. 6: at most 10).
    public var warningWorkingDays: Int
    /// Working days a notification letter gives the company to answer.
    public var notificationWorkingDays: Int
    /// Calendar days a case stays at the sanction stage before it may be referred.
    public var sanctionDays: Int
    /// Written warnings needed on record before a referral.
    public var referralWarningLetters: Int
    /// Visits needed on record before a referral.
    public var referralVisits: Int

    public init(
        warningWorkingDays: Int = 10, notificationWorkingDays: Int = 10, sanctionDays: Int = 30,
        referralWarningLetters: Int = 2, referralVisits: Int = 1
    ) {
        self.warningWorkingDays = warningWorkingDays
        self.notificationWorkingDays = notificationWorkingDays
        self.sanctionDays = sanctionDays
        self.referralWarningLetters = referralWarningLetters
        self.referralVisits = referralVisits
    }

    /// The defaults: PP 86/2013 and the Pekalongan practice.
    public static let standard = PolicySettings()
}

/// Something an officer may do to a case.
public enum CaseAction: Hashable, Sendable, CustomStringConvertible {
    /// Log a letter sent; a warning, sanction or referral letter sent from the rung below its
    /// stage moves the case up (a notification or socialisation from `identified` too).
    case logLetter(LetterKind)
    /// Log a visit; a kunjungan from `notified` and a pemeriksaan from `warning2` move the case up.
    case logVisit(VisitKind)
    /// Log a phone call or meeting.
    case logContact
    case note
    /// Log a written undertaking (*surat pernyataan*) with its date.
    case promise
    /// Move up one rung (not to `referred`: that needs a request and an approval).
    case escalate
    /// Move down to a lower rung, with a reason.
    case stepDown
    /// Ask a supervisor to approve the referral to the prosecutor, with a written justification.
    case requestReferral
    /// Approve another officer's referral request; the case is referred.
    case approveReferral
    /// The company complied.
    case comply
    /// Close the case without compliance (with a `ClosingReason`).
    case close

    /// Every action, in the order a case screen lists them.
    public static let all: [CaseAction] =
        LetterKind.allCases.map(CaseAction.logLetter) + VisitKind.allCases.map(CaseAction.logVisit)
        + [.logContact, .note, .promise, .escalate, .stepDown, .requestReferral, .approveReferral, .comply, .close]

    public var description: String {
        switch self {
        case .logLetter(let k): return "logLetter(\(k.rawValue))"
        case .logVisit(let k): return "logVisit(\(k.rawValue))"
        case .logContact: return "logContact"
        case .note: return "note"
        case .promise: return "promise"
        case .escalate: return "escalate"
        case .stepDown: return "stepDown"
        case .requestReferral: return "requestReferral"
        case .approveReferral: return "approveReferral"
        case .comply: return "comply"
        case .close: return "close"
        }
    }
}

/// What the officer typed with an action, checked by the policy when it is given.
public struct ActionInput: Hashable, Sendable {
    /// The day the thing happened (letters, visits, calls); nil means today.
    public var occurredOn: Day?
    /// The reason of a step down, or the written justification of a referral request.
    public var reason: String?
    /// The promised day.
    public var promiseUntil: Day?
    /// The rung to step down to; nil means one rung down.
    public var stepDownTo: Stage?

    public init(occurredOn: Day? = nil, reason: String? = nil, promiseUntil: Day? = nil, stepDownTo: Stage? = nil) {
        self.occurredOn = occurredOn
        self.reason = reason
        self.promiseUntil = promiseUntil
        self.stepDownTo = stepDownTo
    }
}

/// What an escalation is waiting for, in a `Refusal.tooEarly`.
public enum Wait: Hashable, Sendable {
    /// Teguran I's deadline: `workingDays` after the letter.
    case warning1Deadline(workingDays: Int)
    /// Teguran II's deadline.
    case warning2Deadline(workingDays: Int)
    /// `days` at the sanction stage.
    case sanctionPeriod(days: Int)
}

/// Why the policy refuses an action: a typed reason with the date or the missing item.
public enum Refusal: Error, Hashable, Sendable {
    /// The login is not in the officer table: it may browse only.
    case unknownOfficer(login: String)
    /// The officer's role may not do this; `needs` is the role that may.
    case roleNotAllowed(OfficerRole, needs: OfficerRole)
    /// The case is compliant or closed.
    case caseEnded(Stage)
    /// The case is at the top of the ladder.
    case noHigherStage
    /// The case is at the bottom of the ladder.
    case noLowerStage
    /// The action would skip a rung: the case must first reach `next`.
    case skipsStage(from: Stage, to: Stage, next: Stage)
    /// Only possible at `needed`.
    case wrongStage(current: Stage, needed: Stage)
    /// Not a rung below the current one (stepping down).
    case notLowerStage(Stage)
    /// An open promise blocks escalation until the day after `until`.
    case promisePending(until: Day)
    /// Teguran I needs a notification, socialisation or visit on record.
    case needsPersuasiveContact
    /// The letter of `kind` is not on record.
    case needsLetter(LetterKind)
    /// Possible from `from` on.
    case tooEarly(from: Day, wait: Wait)
    /// The sanction recommendation needs an examination visit with a BAP number.
    case needsExaminationBAP
    /// A referral needs `need` written warnings on record.
    case needsWarningLetters(have: Int, need: Int)
    /// A referral needs `need` visits on record.
    case needsVisits(have: Int, need: Int)
    /// A referral request needs a written justification.
    case needsJustification
    /// Stepping down needs a reason.
    case needsReason
    /// A referral needs a supervisor's approval: request it.
    case needsApproval
    /// A referral request is already waiting.
    case referralAlreadyRequested(by: String, on: Day)
    /// There is no referral request to approve.
    case noReferralRequest
    /// The officer who requested a referral cannot approve it.
    case cannotApproveOwnRequest
    /// A promised day must be after today.
    case promiseNotInFuture(today: Day)
    /// Things are logged on or before today.
    case dateInFuture(Day)
}

extension Refusal {
    /// A stable machine name of the refusal (`tooEarly`, `promisePending`…), for JSON and scripts.
    public var code: String {
        switch self {
        case .unknownOfficer: return "unknownOfficer"
        case .roleNotAllowed: return "roleNotAllowed"
        case .caseEnded: return "caseEnded"
        case .noHigherStage: return "noHigherStage"
        case .noLowerStage: return "noLowerStage"
        case .skipsStage: return "skipsStage"
        case .wrongStage: return "wrongStage"
        case .notLowerStage: return "notLowerStage"
        case .promisePending: return "promisePending"
        case .needsPersuasiveContact: return "needsPersuasiveContact"
        case .needsLetter: return "needsLetter"
        case .tooEarly: return "tooEarly"
        case .needsExaminationBAP: return "needsExaminationBAP"
        case .needsWarningLetters: return "needsWarningLetters"
        case .needsVisits: return "needsVisits"
        case .needsJustification: return "needsJustification"
        case .needsReason: return "needsReason"
        case .needsApproval: return "needsApproval"
        case .referralAlreadyRequested: return "referralAlreadyRequested"
        case .noReferralRequest: return "noReferralRequest"
        case .cannotApproveOwnRequest: return "cannotApproveOwnRequest"
        case .promiseNotInFuture: return "promiseNotInFuture"
        case .dateInFuture: return "dateInFuture"
        }
    }
}

/// The answer to "may this happen now?": allowed (with the stage it leads to, if it moves
/// the case) or refused with a reason.
public enum Verdict: Hashable, Sendable {
    case allowed(newStage: Stage?)
    case refused(Refusal)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    public var refusal: Refusal? {
        if case .refused(let r) = self { return r }
        return nil
    }
}

/// One line of "what may happen next": an action and its verdict.
public struct ActionVerdict: Hashable, Sendable {
    public var action: CaseAction
    public var verdict: Verdict

    public init(action: CaseAction, verdict: Verdict) {
        self.action = action
        self.verdict = verdict
    }
}

/// The rules of the enforcement ladder: what may happen next to a case, and why not.
///
/// The TUI and the CLI both ask it; the store asks it again inside the write transaction
/// before appending anything. Pure: the case state, the person and "today" come in.
///
/// - Escalation goes up one rung at a time; a case becomes compliant or closed from any rung;
///   stepping down needs a reason.
/// - `warning1` needs a persuasive contact on record; `warning2` needs Teguran I's deadline
///   (`warningWorkingDays` working days) to have passed; `examined` needs Teguran II's.
/// - `sanctionRecommended` needs an examination visit with a BAP number.
/// - `referred` needs `sanctionDays` at the sanction stage, `referralWarningLetters` warnings
///   and `referralVisits` visits on record, a written justification, and the approval of a
///   supervisor other than the officer who asked.
/// - An open promise blocks escalation until its day has passed.
/// - A compliant or closed case takes notes only.
public struct EscalationPolicy: Hashable, Sendable {
    public var settings: PolicySettings
    public var calendar: HolidayCalendar

    public init(settings: PolicySettings = .standard, calendar: HolidayCalendar = .national) {
        self.settings = settings
        self.calendar = calendar
    }

    // MARK: Deadlines

    /// The deadline a letter of `kind` sent on `day` gives the company, if it gives one.
    public func deadline(of kind: LetterKind, sentOn day: Day) -> Day? {
        switch kind {
        case .warning1, .warning2: return calendar.adding(workingDays: settings.warningWorkingDays, to: day)
        case .notification: return calendar.adding(workingDays: settings.notificationWorkingDays, to: day)
        case .sanctionRecommendation: return day.adding(days: settings.sanctionDays)
        case .socialisation, .referral: return nil
        }
    }

    /// The first day a case may move up to `target` as far as dates go (warning deadlines, the
    /// sanction period, an open promise); nil when no date holds it back or an item is missing.
    public func escalationOpensOn(_ state: CaseState, to target: Stage) -> Day? {
        var day: Day?
        if let p = state.openPromise { day = p.escalationOpens }
        var wait: Day?
        switch target {
        case .warning2: wait = state.latestLetter(.warning1).map { earliestAfterWarning($0.day) }
        case .examined: wait = state.latestLetter(.warning2).map { earliestAfterWarning($0.day) }
        case .referred: wait = state.reached[.sanctionRecommended]?.adding(days: settings.sanctionDays)
        default: break
        }
        if let w = wait { day = day.map { max($0, w) } ?? w }
        return day
    }

    /// The day a date-held case may move up again (Teguran I or II's deadline passed, the
    /// sanction period over, a promise's day passed), if on that day nothing else will be
    /// missing; nil when no date holds the case back, or an item is missing, or it has ended.
    /// The worklist lists a case as "may now escalate" from this day on.
    public func escalationOpens(_ state: CaseState) -> Day? {
        guard let next = state.stage.next, let day = escalationOpensOn(state, to: next) else { return nil }
        let probe = Identity.officer(Officer(login: "", name: "", role: .petugas))
        let action: CaseAction = next == .referred ? .requestReferral : .escalate
        if next == .referred, state.referralRequest != nil { return nil }
        return verdict(action, state, by: probe, today: day).isAllowed ? day : nil
    }

    /// The first working day after a warning's deadline.
    private func earliestAfterWarning(_ sent: Day) -> Day {
        calendar.nextWorkingDay(after: calendar.adding(workingDays: settings.warningWorkingDays, to: sent))
    }

    /// The day the officer should next look at the case: an open promise's day, the deadline
    /// of the letter that brought it to its stage, the end of the sanction period; nil otherwise.
    public func nextDeadline(_ state: CaseState) -> Day? {
        if state.isEnded { return nil }
        if let p = state.openPromise { return p.until }
        switch state.stage {
        case .notified: return state.latestLetter(.notification)?.deadline
        case .warning1: return state.latestLetter(.warning1)?.deadline
        case .warning2: return state.latestLetter(.warning2)?.deadline
        case .sanctionRecommended: return state.reached[.sanctionRecommended]?.adding(days: settings.sanctionDays)
        default: return nil
        }
    }

    // MARK: Verdicts

    /// Every action with its verdict for `identity` today: what may happen next, and why not.
    public func nextActions(_ state: CaseState, by identity: Identity, today: Day) -> [ActionVerdict] {
        CaseAction.all.map { ActionVerdict(action: $0, verdict: verdict($0, state, by: identity, today: today)) }
    }

    /// Whether `action` may happen now. Without `input`, only the case and the person are
    /// checked (what a menu shows); with it, what was typed is checked too.
    public func verdict(_ action: CaseAction, _ state: CaseState, by identity: Identity, today: Day, input: ActionInput? = nil) -> Verdict {
        do {
            return .allowed(newStage: try check(action, state, identity, today, input))
        } catch {
            return .refused(error)
        }
    }

    private func check(_ action: CaseAction, _ state: CaseState, _ identity: Identity, _ today: Day, _ input: ActionInput?) throws(Refusal) -> Stage? {
        let permission: Permission = action == .approveReferral ? .approveReferral : .workCases
        guard let officer = identity.officer else { throw .unknownOfficer(login: identity.login) }
        guard officer.role.may(permission) else { throw .roleNotAllowed(officer.role, needs: OfficerRole.least(for: permission)) }
        if let d = input?.occurredOn, d > today { throw .dateInFuture(d) }
        if action == .note { return nil }
        if state.isEnded { throw .caseEnded(state.stage) }
        let stage = state.stage

        switch action {
        case .note, .logContact:
            return nil
        case .promise:
            if let until = input?.promiseUntil, until <= today { throw .promiseNotInFuture(today: today) }
            return nil
        case .logLetter(let kind):
            let target = kind.stage
            if target.order <= stage.order { return nil }  // a further copy: recorded, no move
            if stage.next == target {
                if kind == .referral { throw .needsApproval }
                try checkEscalation(to: target, state, today)
                return target
            }
            // Notification and socialisation are persuasion: always recordable; others skip a rung.
            if kind.isPersuasive { return nil }
            throw .skipsStage(from: stage, to: target, next: stage.next ?? target)
        case .logVisit(let kind):
            if stage.next == kind.stage {
                try checkEscalation(to: kind.stage, state, today)
                return kind.stage
            }
            return nil
        case .escalate:
            guard let next = stage.next else { throw .noHigherStage }
            if next == .referred { throw .needsApproval }
            try checkEscalation(to: next, state, today)
            return next
        case .stepDown:
            guard let below = stage.previous else { throw .noLowerStage }
            let to = input?.stepDownTo ?? below
            guard to.rung != nil, to < stage else { throw .notLowerStage(to) }
            if let input, (input.reason ?? "").trimmingSpaces.isEmpty { throw .needsReason }
            return to
        case .requestReferral:
            guard stage == .sanctionRecommended else {
                if stage == .referred { throw .noHigherStage }
                throw .wrongStage(current: stage, needed: .sanctionRecommended)
            }
            if let r = state.referralRequest { throw .referralAlreadyRequested(by: r.requestedBy, on: r.day) }
            try checkEscalation(to: .referred, state, today)
            if let input, (input.reason ?? "").trimmingSpaces.isEmpty { throw .needsJustification }
            return nil
        case .approveReferral:
            guard stage == .sanctionRecommended else {
                if stage == .referred { throw .noHigherStage }
                throw .wrongStage(current: stage, needed: .sanctionRecommended)
            }
            guard let r = state.referralRequest else { throw .noReferralRequest }
            if r.requestedBy == officer.login { throw .cannotApproveOwnRequest }
            try checkEscalation(to: .referred, state, today)
            return .referred
        case .comply:
            return .compliant
        case .close:
            return .closed
        }
    }

    /// The rules for moving up to `target` from the rung below it.
    private func checkEscalation(to target: Stage, _ state: CaseState, _ today: Day) throws(Refusal) {
        if let p = state.openPromise, today < p.escalationOpens { throw .promisePending(until: p.until) }
        switch target {
        case .warning1:
            if state.persuasiveContacts == 0 { throw .needsPersuasiveContact }
        case .warning2:
            guard let w = state.latestLetter(.warning1) else { throw .needsLetter(.warning1) }
            let from = earliestAfterWarning(w.day)
            if today < from { throw .tooEarly(from: from, wait: .warning1Deadline(workingDays: settings.warningWorkingDays)) }
        case .examined:
            guard let w = state.latestLetter(.warning2) else { throw .needsLetter(.warning2) }
            let from = earliestAfterWarning(w.day)
            if today < from { throw .tooEarly(from: from, wait: .warning2Deadline(workingDays: settings.warningWorkingDays)) }
        case .sanctionRecommended:
            if state.bapNumber == nil { throw .needsExaminationBAP }
        case .referred:
            let reached = state.reached[.sanctionRecommended] ?? state.openedOn
            let from = reached.adding(days: settings.sanctionDays)
            if today < from { throw .tooEarly(from: from, wait: .sanctionPeriod(days: settings.sanctionDays)) }
            if state.warningLetters < settings.referralWarningLetters {
                throw .needsWarningLetters(have: state.warningLetters, need: settings.referralWarningLetters)
            }
            if state.visits.count < settings.referralVisits {
                throw .needsVisits(have: state.visits.count, need: settings.referralVisits)
            }
        default:
            break
        }
    }
}
