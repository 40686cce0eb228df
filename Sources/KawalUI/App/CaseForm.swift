import KawalDomain

/// The things an officer records on a case, one form each.
public enum CaseFormKind: String, CaseIterable, Hashable, Sendable {
    case letter
    case visit
    case contact
    case promise
    case escalation
    case approval
    case compliance
    case closing
}

/// A visit as reported in the form.
public struct VisitReport: Hashable, Sendable {
    public var kind: VisitKind
    public var date: Day
    public var outcome: VisitOutcome
    public var personMet: String?
    public var personRole: String?
    public var workersCounted: Int?
    public var bapNumber: String?
    public var findings: String?
    /// A promise (surat pernyataan) signed at the visit, until this day.
    public var promiseUntil: Day?

    public init(kind: VisitKind, date: Day, outcome: VisitOutcome, personMet: String? = nil, personRole: String? = nil,
                workersCounted: Int? = nil, bapNumber: String? = nil, findings: String? = nil, promiseUntil: Day? = nil) {
        self.kind = kind
        self.date = date
        self.outcome = outcome
        self.personMet = personMet
        self.personRole = personRole
        self.workersCounted = workersCounted
        self.bapNumber = bapNumber
        self.findings = findings
        self.promiseUntil = promiseUntil
    }
}

/// What a saved form asks the store to record: one write each, checked by the policy inside it.
public enum CaseRequest: Hashable, Sendable {
    case letter(kind: LetterKind, date: Day, delivery: String?)
    case visit(VisitReport)
    /// A phone call, a meeting or a note.
    case contact(kind: EventKind, date: Day, text: String)
    case promise(until: Day, date: Day, note: String?)
    /// Up one rung (a referral request at the sanction stage), or down, with a reason.
    case escalate(to: Stage, reason: String)
    /// Approve the waiting referral request.
    case approve
    case comply(registered: Int?, note: String?)
    case close(reason: ClosingReason, note: String?)
}

/// A field that breaks a rule across fields, and how.
public struct FieldProblem: Error, Hashable, Sendable {
    public var field: FieldID
    public var error: FieldError

    public init(_ field: FieldID, _ error: FieldError) {
        self.field = field
        self.error = error
    }
}

/// A form open on a case: which one, for which case, and its fields.
public struct CaseFormState: Hashable, Sendable {
    public var kind: CaseFormKind
    public var companyID: Int64
    public var caseID: Int64
    public var companyName: String
    public var form: FormState
    /// A note above the fields (why the case cannot move up, on a form that can only step down).
    public var notice: String?

    public init(kind: CaseFormKind, companyID: Int64, caseID: Int64, companyName: String, form: FormState, notice: String? = nil) {
        self.kind = kind
        self.companyID = companyID
        self.caseID = caseID
        self.companyName = companyName
        self.form = form
        self.notice = notice
    }
}

extension CaseFormKind {
    /// The fields of this form, with today's date filled in where a date is asked.
    /// `stage` is the case's stage (for the letter kind it suggests); `targets` the stages the
    /// policy lets the case move to now.
    public func fields(_ s: Strings, today: Day, stage: Stage, targets allowed: [Stage] = []) -> [FormField] {
        let todayText = today.slashed
        func t(_ k: CaseScreenText) -> String { s.text(k) }
        switch self {
        case .letter:
            let kinds = LetterKind.allCases.map { ChoiceOption(value: $0.rawValue, label: s.letterKind($0)) }
            let suggested = LetterKind.allCases.firstIndex(of: CaseFormKind.suggestedLetter(stage)) ?? 0
            return [
                FormField(.letterKind, label: t(.fieldLetterKind), kind: .choice(kinds), choice: suggested),
                FormField(.date, label: t(.fieldDate), kind: .date, required: true, text: todayText),
                FormField(.delivery, label: t(.fieldDelivery), kind: .choice([
                    ChoiceOption(value: "hand", label: t(.deliveryHand)),
                    ChoiceOption(value: "post", label: t(.deliveryPost)),
                    ChoiceOption(value: "email", label: t(.deliveryEmail)),
                ])),
            ]
        case .visit:
            let examining = stage >= .warning2 && !stage.isEnd
            return [
                FormField(.visitKind, label: t(.fieldVisitKind), kind: .choice([
                    ChoiceOption(value: VisitKind.kunjungan.rawValue, label: s[.visitKunjungan]),
                    ChoiceOption(value: VisitKind.pemeriksaan.rawValue, label: s[.visitPemeriksaan]),
                ]), choice: examining ? 1 : 0),
                FormField(.date, label: t(.fieldDate), kind: .date, required: true, text: todayText),
                FormField(.outcome, label: t(.fieldOutcome), kind: .choice(VisitOutcome.allCases.map {
                    ChoiceOption(value: $0.rawValue, label: s.outcome($0))
                })),
                FormField(.personMet, label: t(.fieldPersonMet), kind: .text),
                FormField(.personRole, label: t(.fieldPersonRole), kind: .text),
                FormField(.workers, label: t(.fieldWorkersCounted), kind: .number),
                FormField(.bap, label: t(.fieldBAP), kind: .text),
                FormField(.findings, label: t(.fieldFindings), kind: .text),
                FormField(.promiseUntil, label: t(.fieldPromiseUntil), kind: .date),
            ]
        case .contact:
            return [
                FormField(.contactKind, label: t(.fieldContactKind), kind: .choice([
                    ChoiceOption(value: EventKind.call.rawValue, label: s.eventKind(.call)),
                    ChoiceOption(value: EventKind.meeting.rawValue, label: s.eventKind(.meeting)),
                    ChoiceOption(value: EventKind.note.rawValue, label: s.eventKind(.note)),
                ])),
                FormField(.date, label: t(.fieldDate), kind: .date, required: true, text: todayText),
                FormField(.text, label: t(.fieldText), kind: .text, required: true),
            ]
        case .promise:
            return [
                FormField(.until, label: t(.fieldUntil), kind: .date, required: true),
                FormField(.date, label: t(.fieldSignedOn), kind: .date, required: true, text: todayText),
                FormField(.note, label: t(.fieldNote), kind: .text),
            ]
        case .escalation:
            let targets = allowed.map { to in
                ChoiceOption(value: to.rawValue, label: s.text(to > stage ? CaseScreenText.targetUp : .targetDown, s.stage(to)))
            }
            return [
                FormField(.targetStage, label: t(.fieldTargetStage), kind: .choice(targets)),
                FormField(.reason, label: t(.fieldReason), kind: .text, required: true),
            ]
        case .approval:
            // Nothing to type: the form shows the request, Enter approves it.
            return []
        case .compliance:
            return [
                FormField(.registered, label: t(.fieldRegistered), kind: .number),
                FormField(.note, label: t(.fieldNote), kind: .text),
            ]
        case .closing:
            return [
                FormField(.closingReason, label: t(.fieldClosingReason), kind: .choice(ClosingReason.allCases.map {
                    ChoiceOption(value: $0.rawValue, label: s.closingReason($0))
                })),
                FormField(.note, label: t(.fieldNote), kind: .text),
            ]
        }
    }

    /// The letter that usually comes next at `stage`.
    public static func suggestedLetter(_ stage: Stage) -> LetterKind {
        switch stage {
        case .identified, .notified, .compliant, .closed: return .notification
        case .visited: return .warning1
        case .warning1: return .warning2
        case .warning2, .examined: return .sanctionRecommendation
        case .sanctionRecommended, .referred: return .referral
        }
    }

    /// Turns checked values into the request to save, or names the field that breaks a rule
    /// across fields (a date in the future, a promise before the visit, a BAP missing).
    public func request(_ v: [FieldID: FieldValue], today: Day) -> Result<CaseRequest, FieldProblem> {
        func text(_ id: FieldID) -> String? { if case .text(let t)? = v[id] { return t } else { return nil } }
        func day(_ id: FieldID) -> Day? { if case .day(let d)? = v[id] { return d } else { return nil } }
        func number(_ id: FieldID) -> Int? { if case .number(let n)? = v[id] { return n } else { return nil } }
        func choice(_ id: FieldID) -> String? { if case .choice(let c)? = v[id] { return c } else { return nil } }
        // Something that happened cannot have happened after today.
        let date = day(.date) ?? today
        if date > today { return .failure(FieldProblem(.date, .inFuture)) }
        switch self {
        case .letter:
            let kind = choice(.letterKind).flatMap(LetterKind.init(rawValue:)) ?? .notification
            return .success(.letter(kind: kind, date: date, delivery: choice(.delivery)))
        case .visit:
            let kind = choice(.visitKind).flatMap(VisitKind.init(rawValue:)) ?? .kunjungan
            if kind == .pemeriksaan, text(.bap) == nil { return .failure(FieldProblem(.bap, .required)) }
            if let p = day(.promiseUntil), p <= date { return .failure(FieldProblem(.promiseUntil, .notBefore(date.adding(days: 1)))) }
            return .success(.visit(VisitReport(
                kind: kind, date: date, outcome: choice(.outcome).flatMap(VisitOutcome.init(rawValue:)) ?? .met,
                personMet: text(.personMet), personRole: text(.personRole), workersCounted: number(.workers),
                bapNumber: text(.bap), findings: text(.findings), promiseUntil: day(.promiseUntil))))
        case .contact:
            let kind = choice(.contactKind).flatMap(EventKind.init(rawValue:)) ?? .note
            return .success(.contact(kind: kind, date: date, text: text(.text) ?? ""))
        case .promise:
            guard let until = day(.until) else { return .failure(FieldProblem(.until, .required)) }
            if until <= date { return .failure(FieldProblem(.until, .notBefore(date.adding(days: 1)))) }
            return .success(.promise(until: until, date: date, note: text(.note)))
        case .escalation:
            guard let to = choice(.targetStage).flatMap(Stage.init(rawValue:)) else { return .failure(FieldProblem(.targetStage, .required)) }
            return .success(.escalate(to: to, reason: text(.reason) ?? ""))
        case .approval:
            return .success(.approve)
        case .compliance:
            return .success(.comply(registered: number(.registered), note: text(.note)))
        case .closing:
            let reason = choice(.closingReason).flatMap(ClosingReason.init(rawValue:)) ?? .ceasedTrading
            return .success(.close(reason: reason, note: text(.note)))
        }
    }
}
