import Foundation
import GRDB
import KawalDomain

/// Why a case-work write was refused, besides the escalation policy's `Refusal`.
public enum CaseworkError: Error, Equatable, Sendable {
    /// The login may not do this: `needs` is what it lacks (an unknown login may only browse).
    case notPermitted(login: String, needs: Permission)
    /// An officer with this login is already registered.
    case officerExists(login: String)
    /// Not an acceptable login name.
    case invalidLogin(String)
    /// The officer to assign a case to is not registered.
    case unknownOfficer(login: String)
    /// The letter number pattern has an unknown token or no `{seq}`.
    case invalidLetterNumberPattern(String)
    /// The day is not in the holiday table.
    case holidayMissing(Day)
    /// The case's company row is missing.
    case noCompany(caseID: Int64)
    /// A note, reason or name was empty.
    case emptyText
    /// There is no open promise to mark kept or lapsed.
    case noOpenPromise
    /// The case has no such event (or it is already voided).
    case unknownEvent(id: Int64)
    /// Events of this kind are not corrected (`EventKind.isCorrectable`).
    case notCorrectable(EventKind)
}

/// What a case action wrote.
public struct CaseOutcome: Hashable, Sendable {
    public var caseID: Int64
    /// The events appended, in order.
    public var eventIDs: [Int64]
    /// The case's stage afterwards.
    public var stage: Stage
    /// Whether the stage changed.
    public var stageChanged: Bool
    /// The number a letter was given.
    public var letterNumber: String?
    /// The exact letter text stored with the event.
    public var letterText: String?
}

extension AppDatabase {
    /// The folder a branch drops its letter templates in: `templates/` beside the database
    /// (nil in memory: only the shipped templates).
    public var templatesFolder: String? { path == ":memory:" ? nil : LetterTemplates.folder(forDatabase: path) }

    // MARK: Writes: one call per action, each in one transaction

    /// An event to append.
    struct PendingEvent {
        var kind: EventKind
        var day: Day
        var detail: EventDetail
        var body: String? = nil
    }

    /// What an action's body sees inside the write transaction.
    final class ActionContext {
        let db: Database
        let caseID: Int64
        let companyID: Int64
        let state: CaseState
        let policy: EscalationPolicy
        let identity: Identity
        let newStage: Stage?
        let day: Day
        /// The reason recorded with the stage change, when the action moves the case.
        var stageReason: String?
        var letterNumber: String?
        var letterText: String?

        init(db: Database, caseID: Int64, companyID: Int64, state: CaseState, policy: EscalationPolicy, identity: Identity,
             newStage: Stage?, day: Day, stageReason: String?) {
            self.db = db
            self.caseID = caseID
            self.companyID = companyID
            self.state = state
            self.policy = policy
            self.identity = identity
            self.newStage = newStage
            self.day = day
            self.stageReason = stageReason
        }
    }

    /// Reads the case's events inside one write transaction, asks the policy, and only then
    /// appends the events `body` returns (and the stage change the verdict names) and updates
    /// the case row. A refusal throws the `Refusal` and writes nothing.
    func perform(
        caseID: Int64, login: String, today: Day, input: ActionInput,
        action: (CaseState) throws -> CaseAction,
        body: (ActionContext) throws -> [PendingEvent]
    ) throws -> CaseOutcome {
        try write { db in
            let (companyID, state) = try Self.loadState(db, caseID: caseID)
            let policy = try Self.policy(db)
            let identity = try Self.identity(db, login: login)
            let day = input.occurredOn ?? today
            if day > today { throw Refusal.dateInFuture(day) }
            let chosen = try action(state)
            // Dates are judged on the day the thing happened.
            let verdict = policy.verdict(chosen, state, by: identity, today: day, input: input)
            guard case .allowed(let newStage) = verdict else { throw verdict.refusal! }
            let ctx = ActionContext(db: db, caseID: caseID, companyID: companyID, state: state, policy: policy,
                                    identity: identity, newStage: newStage, day: day, stageReason: input.reason)
            var pending = try body(ctx)
            if let to = newStage, to != state.stage {
                // The stage change follows the event that caused it (a letter, a visit, an approval).
                let at = pending.isEmpty ? pending.endIndex : pending.index(after: pending.startIndex)
                pending.insert(PendingEvent(kind: .stageChange, day: day,
                                            detail: EventDetail(fromStage: state.stage, toStage: to, reason: ctx.stageReason)), at: at)
            }
            let recordedAt = Int64(Date().timeIntervalSince1970)
            var ids: [Int64] = []
            for p in pending {
                ids.append(try Self.insertEvent(db, caseID: caseID, on: p.day, at: recordedAt, actor: login, kind: p.kind, detail: p.detail,
                                                letterBody: p.body))
            }
            let after = try Self.refreshCase(db, caseID: caseID, policy: policy)
            return CaseOutcome(caseID: caseID, eventIDs: ids, stage: after.stage, stageChanged: after.stage != state.stage,
                               letterNumber: ctx.letterNumber, letterText: ctx.letterText)
        }
    }

    /// Logs a letter sent on `day` (default today): numbers it from the branch's sequence,
    /// renders it with the branch's template, and stores the exact text with the event.
    @discardableResult
    public func logLetter(
        caseID: Int64, kind: LetterKind, on day: Day? = nil, delivery: String? = nil, by login: String, today: Day
    ) throws -> CaseOutcome {
        let folder = templatesFolder
        return try perform(caseID: caseID, login: login, today: today, input: ActionInput(occurredOn: day ?? today),
                           action: { _ in .logLetter(kind) }) { ctx in
            let deadline = ctx.policy.deadline(of: kind, sentOn: ctx.day)
            let branch = try Self.branch(ctx.db)
            let number = try Self.nextLetterNumber(ctx.db, branch: branch, kind: kind, day: ctx.day)
            guard let detail = try Self.companyDetail(ctx.db, id: ctx.companyID) else { throw CaseworkError.noCompany(caseID: caseID) }
            let fields = LetterFields(kind: kind, company: detail.company, branch: branch, letterNumber: number, date: ctx.day,
                                      deadline: deadline, bapNumber: ctx.state.bapNumber)
            let text = try LetterTemplates.render(fields, folder: folder)
            ctx.letterNumber = number
            ctx.letterText = text
            return [PendingEvent(kind: .letter, day: ctx.day, detail: EventDetail(
                letterKind: kind, letterNumber: number, delivery: delivery, deadline: deadline), body: text)]
        }
    }

    /// What an officer records about a visit.
    public struct VisitReport: Hashable, Sendable {
        public var kind: VisitKind
        public var day: Day?
        public var outcome: VisitOutcome
        public var officers: [String]
        public var personMet: String?
        public var personRole: String?
        public var workersCounted: Int?
        public var findings: String?
        public var bapNumber: String?
        /// A promise (surat pernyataan) signed during the visit.
        public var promiseUntil: Day?

        public init(
            kind: VisitKind, day: Day? = nil, outcome: VisitOutcome, officers: [String] = [], personMet: String? = nil,
            personRole: String? = nil, workersCounted: Int? = nil, findings: String? = nil, bapNumber: String? = nil,
            promiseUntil: Day? = nil
        ) {
            self.kind = kind
            self.day = day
            self.outcome = outcome
            self.officers = officers
            self.personMet = personMet
            self.personRole = personRole
            self.workersCounted = workersCounted
            self.findings = findings
            self.bapNumber = bapNumber
            self.promiseUntil = promiseUntil
        }
    }

    /// Logs a visit (and the promise signed during it, if any).
    @discardableResult
    public func logVisit(caseID: Int64, _ visit: VisitReport, by login: String, today: Day) throws -> CaseOutcome {
        let day = visit.day ?? today
        return try perform(caseID: caseID, login: login, today: today, input: ActionInput(occurredOn: day),
                           action: { _ in .logVisit(visit.kind) }) { ctx in
            if let until = visit.promiseUntil, until <= ctx.day { throw Refusal.promiseNotInFuture(today: ctx.day) }
            var events = [PendingEvent(kind: .visit, day: ctx.day, detail: EventDetail(
                visitKind: visit.kind, outcome: visit.outcome, officers: visit.officers.isEmpty ? [login] : visit.officers,
                personMet: visit.personMet.nonEmpty, personRole: visit.personRole.nonEmpty, workersCounted: visit.workersCounted,
                findings: visit.findings.nonEmpty, bapNumber: visit.bapNumber.nonEmpty))]
            if let until = visit.promiseUntil {
                events.append(PendingEvent(kind: .promise, day: ctx.day, detail: EventDetail(promiseUntil: until)))
            }
            return events
        }
    }

    /// Logs a phone call or a meeting (`kind` is `.call` or `.meeting`).
    @discardableResult
    public func logContact(caseID: Int64, kind: EventKind, on day: Day? = nil, text: String, by login: String, today: Day) throws -> CaseOutcome {
        let kind: EventKind = kind == .meeting ? .meeting : .call
        return try perform(caseID: caseID, login: login, today: today, input: ActionInput(occurredOn: day ?? today),
                           action: { _ in .logContact }) { ctx in
            [PendingEvent(kind: kind, day: ctx.day, detail: EventDetail(text: text.nonEmpty))]
        }
    }

    /// Adds a note (also to a finished case).
    @discardableResult
    public func addNote(caseID: Int64, text: String, by login: String, today: Day) throws -> CaseOutcome {
        guard let text = text.nonEmpty else { throw CaseworkError.emptyText }
        return try perform(caseID: caseID, login: login, today: today, input: ActionInput(), action: { _ in .note }) { ctx in
            [PendingEvent(kind: .note, day: ctx.day, detail: EventDetail(text: text))]
        }
    }

    /// Logs a written undertaking (*surat pernyataan*): the company will register or pay by `until`.
    @discardableResult
    public func logPromise(caseID: Int64, until: Day, on day: Day? = nil, text: String? = nil, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(occurredOn: day ?? today, promiseUntil: until),
                    action: { _ in .promise }) { ctx in
            [PendingEvent(kind: .promise, day: ctx.day, detail: EventDetail(promiseUntil: until, text: text.nonEmpty))]
        }
    }

    /// Records that the open promise was kept or lapsed.
    @discardableResult
    public func resolvePromise(caseID: Int64, kept: Bool, text: String? = nil, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(), action: { state in
            guard state.openPromise != nil else { throw CaseworkError.noOpenPromise }
            return .logContact
        }) { ctx in
            [PendingEvent(kind: kept ? .promiseKept : .promiseLapsed, day: ctx.day, detail: EventDetail(text: text.nonEmpty))]
        }
    }

    /// Moves the case to `stage`: the next rung up (to `referred`, this records a referral
    /// request for a supervisor, with `reason` as its written justification), or a lower rung
    /// (a step down, which needs `reason`).
    @discardableResult
    public func moveCase(caseID: Int64, to stage: Stage, reason: String, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(reason: reason, stepDownTo: stage), action: { state in
            if state.isEnded { throw Refusal.caseEnded(state.stage) }
            if stage == state.stage.next { return stage == .referred ? .requestReferral : .escalate }
            if stage.rung != nil, stage < state.stage { return .stepDown }
            if stage == state.stage { throw state.stage.next == nil ? Refusal.noHigherStage : Refusal.notLowerStage(stage) }
            guard let next = state.stage.next else { throw Refusal.noHigherStage }
            throw Refusal.skipsStage(from: state.stage, to: stage, next: next)
        }) { ctx in
            if ctx.newStage == nil {  // a referral request
                return [PendingEvent(kind: .approvalRequest, day: ctx.day, detail: EventDetail(toStage: .referred, reason: reason))]
            }
            return []
        }
    }

    /// Asks a supervisor to approve the referral to the prosecutor.
    @discardableResult
    public func requestReferral(caseID: Int64, justification: String, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(reason: justification),
                    action: { _ in .requestReferral }) { ctx in
            [PendingEvent(kind: .approvalRequest, day: ctx.day, detail: EventDetail(toStage: .referred, reason: justification))]
        }
    }

    /// Approves another officer's referral request: the case is referred.
    @discardableResult
    public func approveReferral(caseID: Int64, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(), action: { _ in .approveReferral }) { ctx in
            ctx.stageReason = ctx.state.referralRequest?.justification
            return [PendingEvent(kind: .approval, day: ctx.day, detail: EventDetail(toStage: .referred))]
        }
    }

    /// The company complied: the case ends as compliant and the company's registered workers
    /// become `registeredWorkers` (default: all its estimated workers).
    @discardableResult
    public func comply(caseID: Int64, registeredWorkers: Int? = nil, note: String? = nil, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(reason: note), action: { _ in .comply }) { ctx in
            let estimated = try Int.fetchOne(ctx.db, sql: "SELECT estimated_workers FROM company WHERE id = ?", arguments: [ctx.companyID]) ?? 0
            let registered = max(0, registeredWorkers ?? estimated)
            try ctx.db.execute(sql: """
                UPDATE company SET registered_workers = ?, unprotected_workers = max(0, estimated_workers - ?),
                    status = ?, status_rank = ? WHERE id = ?
                """, arguments: [registered, registered, ComplianceStatus.patuh.rawValue, CompanyWriter.statusRank(.patuh), ctx.companyID])
            ctx.stageReason = note.nonEmpty
            if ctx.state.openPromise != nil {
                return [PendingEvent(kind: .promiseKept, day: ctx.day, detail: EventDetail(workersCounted: registered))]
            }
            return []
        }
    }

    /// Closes the case without compliance.
    @discardableResult
    public func close(caseID: Int64, reason: ClosingReason, note: String? = nil, by login: String, today: Day) throws -> CaseOutcome {
        try perform(caseID: caseID, login: login, today: today, input: ActionInput(reason: reason.rawValue), action: { _ in .close }) { ctx in
            if let note = note.nonEmpty { return [PendingEvent(kind: .note, day: ctx.day, detail: EventDetail(text: note))] }
            return []
        }
    }

    /// Assigns the case to a registered officer.
    @discardableResult
    public func assign(caseID: Int64, to assignee: String, by login: String, today: Day) throws -> CaseOutcome {
        try write { db in
            let identity = try Self.identity(db, login: login)
            guard identity.may(.workCases) else {
                if case .unknown = identity { throw Refusal.unknownOfficer(login: login) }
                throw CaseworkError.notPermitted(login: login, needs: .workCases)
            }
            guard try Self.officer(db, login: assignee) != nil else { throw CaseworkError.unknownOfficer(login: assignee) }
            _ = try Self.loadState(db, caseID: caseID)
            let id = try Self.insertEvent(db, caseID: caseID, on: today, at: Int64(Date().timeIntervalSince1970), actor: login,
                                          kind: .assignment, detail: EventDetail(assignee: assignee))
            let after = try Self.refreshCase(db, caseID: caseID, policy: try Self.policy(db))
            return CaseOutcome(caseID: caseID, eventIDs: [id], stage: after.stage, stageChanged: false)
        }
    }

    /// Records a correction: the event `eventID` of the case no longer counts (it stays in the
    /// history, and the correction names it), for `reason`. Record the right event after it.
    @discardableResult
    public func correctEvent(caseID: Int64, eventID: Int64, reason: String, by login: String, today: Day) throws -> CaseOutcome {
        guard let reason = reason.nonEmpty else { throw Refusal.needsReason }
        return try write { db in
            let identity = try Self.identity(db, login: login)
            guard identity.may(.workCases) else { throw Refusal.unknownOfficer(login: login) }
            let (_, state) = try Self.loadState(db, caseID: caseID)
            guard let kindText = try String.fetchOne(db, sql: "SELECT kind FROM case_event WHERE id = ? AND case_id = ?",
                                                     arguments: [eventID, caseID]),
                  !state.voided.contains(eventID) else { throw CaseworkError.unknownEvent(id: eventID) }
            let kind = EventKind(rawValue: kindText) ?? .note
            guard kind.isCorrectable else { throw CaseworkError.notCorrectable(kind) }
            let id = try Self.insertEvent(db, caseID: caseID, on: today, at: Int64(Date().timeIntervalSince1970), actor: login,
                                          kind: .correction, detail: EventDetail(reason: reason, corrects: eventID))
            let after = try Self.refreshCase(db, caseID: caseID, policy: try Self.policy(db))
            return CaseOutcome(caseID: caseID, eventIDs: [id], stage: after.stage, stageChanged: false)
        }
    }

    // MARK: Letter numbers

    /// The next number of the branch's per-year sequence, inside the caller's write
    /// transaction (so a number is never given twice, and a rolled-back letter gives it back).
    static func nextLetterNumber(_ db: Database, branch: BranchProfile, kind: LetterKind, day: Day) throws -> String {
        try db.execute(sql: """
            INSERT INTO letter_sequence(branch, year, last) VALUES (?, ?, 1)
            ON CONFLICT(branch, year) DO UPDATE SET last = last + 1
            """, arguments: [branch.code, day.year])
        let seq = try Int.fetchOne(db, sql: "SELECT last FROM letter_sequence WHERE branch = ? AND year = ?",
                                   arguments: [branch.code, day.year]) ?? 1
        return LetterNumberPattern.render(branch.letterNumberPattern, sequence: seq, day: day, kind: kind, branchCode: branch.code)
    }

    // MARK: Case state

    /// The case's company and its state derived from its events.
    static func loadState(_ db: Database, caseID: Int64) throws -> (companyID: Int64, state: CaseState) {
        guard let row = try Row.fetchOne(db, sql: "SELECT company_id, stage, opened_on, assignee FROM compliance_case WHERE id = ?",
                                         arguments: [caseID]) else {
            throw StoreWriteError.unknownCase(id: caseID)
        }
        let events = try events(db, caseID: caseID)
        let state = CaseState(openedOn: Day(parsing: row[2]) ?? Day(serial: 0), events: events,
                              startingStage: Stage(rawValue: row[1]) ?? .identified, assignee: row[3])
        return (row[0], state)
    }

    /// The case's events in the order they were recorded.
    static func events(_ db: Database, caseID: Int64) throws -> [CaseEvent] {
        try Row.fetchAll(db, sql: """
            SELECT id, occurred_on, recorded_at, actor, kind, detail FROM case_event WHERE case_id = ? ORDER BY id
            """, arguments: [caseID]).map { e in
            CaseEvent(id: e[0], caseID: caseID, occurredOn: Day(parsing: e[1]) ?? Day(serial: 0), recordedAt: e[2], actor: e[3],
                      kind: EventKind(rawValue: e[4]) ?? .note, detail: (try? EventJSON.decode(e[5])) ?? EventDetail(text: e[5]))
        }
    }

    /// Re-derives the case from its events and writes the derived columns (stage, next
    /// deadline, assignee, escalation day, open promise, pending referral request); the
    /// company's list columns follow through the triggers.
    @discardableResult
    static func refreshCase(_ db: Database, caseID: Int64, policy: EscalationPolicy) throws -> CaseState {
        let (companyID, state) = try loadState(db, caseID: caseID)
        try db.execute(sql: """
            UPDATE compliance_case SET stage = ?, next_deadline = ?, assignee = ?, escalation_opens = ?, promise_until = ?,
                referral_requested_by = ? WHERE id = ?
            """, arguments: [state.stage.rawValue, policy.nextDeadline(state)?.iso, state.assignee,
                             policy.escalationOpens(state)?.iso, state.openPromise?.until.iso,
                             state.referralRequest?.requestedBy, caseID])
        // The update's trigger copied this case to the company's list columns. When it is not the
        // company's current case (a note on a case a merge closed), the current one goes back.
        if try currentCase(db, companyID: companyID)?.id != caseID { try refreshCaseCache(db, companyID: companyID) }
        return state
    }

    /// Sets the company's list columns (stage, its rank, next deadline) from its current case
    /// (`SchemaV1.currentCaseFirst`), or clears them when it has none.
    static func refreshCaseCache(_ db: Database, companyID: Int64) throws {
        try db.execute(sql: """
            UPDATE company SET (stage, stage_rank, next_deadline) = (
                SELECT c.stage, \(SchemaV1.stageRankSQL.replacingOccurrences(of: "new.stage", with: "c.stage")), c.next_deadline
                FROM compliance_case c WHERE c.company_id = company.id ORDER BY \(SchemaV1.currentCaseFirst) LIMIT 1)
            WHERE id = ?
            """, arguments: [companyID])
    }
}

extension Optional where Wrapped == String {
    /// The text without surrounding spaces, nil when that is empty.
    var nonEmpty: String? { self.flatMap { $0.nonEmpty } }
}

extension String {
    /// The text without surrounding spaces, nil when that is empty.
    var nonEmpty: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
