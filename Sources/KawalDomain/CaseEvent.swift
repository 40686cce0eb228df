/// What kind of thing happened to a case. The history is append-only: a correction is a
/// new event naming the one it corrects.
public enum EventKind: String, CaseIterable, Sendable, Codable, Hashable {
    case letter
    case visit
    case call
    case meeting
    case note
    case promise
    case promiseLapsed
    case promiseKept
    case stageChange
    case approvalRequest
    case approval
    case assignment
    case correction
}

/// Kinds of letter the branch sends, from persuasion to referral.
public enum LetterKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// *Surat pemberitahuan*: notification.
    case notification
    /// *Undangan sosialisasi*: invitation to an education session.
    case socialisation
    /// *Teguran tertulis I*.
    case warning1
    /// *Teguran tertulis II*.
    case warning2
    /// *Surat rekomendasi TMP2T* to the city's licensing office (DPMPTSP).
    case sanctionRecommendation
    /// Cover letter of the special power of attorney (SKK) to the Kejaksaan Negeri.
    case referral
}

/// The kind of visit.
public enum VisitKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// *Kunjungan* by an account representative.
    case kunjungan
    /// *Pemeriksaan* by an examiner, with a BAP.
    case pemeriksaan
}

/// What came of a visit.
public enum VisitOutcome: String, CaseIterable, Sendable, Codable, Hashable {
    case met
    case notMet
    case closedPremises
    case refused
}

/// The details an event may carry; which ones are set depends on its kind.
public struct EventDetail: Hashable, Sendable, Codable {
    public var letterKind: LetterKind?
    public var letterNumber: String?
    public var delivery: String?
    public var deadline: Day?
    public var visitKind: VisitKind?
    public var outcome: VisitOutcome?
    public var officers: [String]?
    public var personMet: String?
    public var personRole: String?
    public var workersCounted: Int?
    public var findings: String?
    public var bapNumber: String?
    public var promiseUntil: Day?
    public var fromStage: Stage?
    public var toStage: Stage?
    public var reason: String?
    public var text: String?
    public var assignee: String?
    public var corrects: Int64?
    /// The other case of a review merge: on the case closed as a duplicate, the case that goes
    /// on; on that case, the one closed (`CaseMergeRule`).
    public var otherCase: Int64?

    public init(
        letterKind: LetterKind? = nil, letterNumber: String? = nil, delivery: String? = nil, deadline: Day? = nil,
        visitKind: VisitKind? = nil, outcome: VisitOutcome? = nil, officers: [String]? = nil,
        personMet: String? = nil, personRole: String? = nil, workersCounted: Int? = nil, findings: String? = nil,
        bapNumber: String? = nil, promiseUntil: Day? = nil, fromStage: Stage? = nil, toStage: Stage? = nil,
        reason: String? = nil, text: String? = nil, assignee: String? = nil, corrects: Int64? = nil,
        otherCase: Int64? = nil
    ) {
        self.letterKind = letterKind
        self.letterNumber = letterNumber
        self.delivery = delivery
        self.deadline = deadline
        self.visitKind = visitKind
        self.outcome = outcome
        self.officers = officers
        self.personMet = personMet
        self.personRole = personRole
        self.workersCounted = workersCounted
        self.findings = findings
        self.bapNumber = bapNumber
        self.promiseUntil = promiseUntil
        self.fromStage = fromStage
        self.toStage = toStage
        self.reason = reason
        self.text = text
        self.assignee = assignee
        self.corrects = corrects
        self.otherCase = otherCase
    }
}

/// One entry of a case's append-only history.
public struct CaseEvent: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var caseID: Int64
    /// The day it happened (may be earlier than the day it was recorded).
    public var occurredOn: Day
    /// When it was recorded, seconds since 1970 UTC.
    public var recordedAt: Int64
    /// The OS login of the officer who recorded it.
    public var actor: String
    public var kind: EventKind
    public var detail: EventDetail

    public init(id: Int64, caseID: Int64, occurredOn: Day, recordedAt: Int64, actor: String, kind: EventKind, detail: EventDetail) {
        self.id = id
        self.caseID = caseID
        self.occurredOn = occurredOn
        self.recordedAt = recordedAt
        self.actor = actor
        self.kind = kind
        self.detail = detail
    }
}
