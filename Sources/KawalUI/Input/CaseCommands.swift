/// The case desk's commands: the forms they open and their words, kept in the case screens' catalogue.
extension Command {
    /// The form a case-action command opens.
    public var form: CaseFormKind? {
        switch self {
        case .logLetter: return .letter
        case .logVisit: return .visit
        case .logContact: return .contact
        case .logPromise: return .promise
        case .escalate: return .escalation
        case .approve: return .approval
        case .comply: return .compliance
        case .closeCase: return .closing
        default: return nil
        }
    }

    /// The command that opens `form`.
    public static func opening(_ form: CaseFormKind) -> Command {
        allCases.first { $0.form == form } ?? .logContact
    }

    var caseHelpKey: CaseScreenText? {
        switch self {
        case .today: return .cmdToday
        case .scope: return .cmdScope
        case .logLetter: return .cmdLetter
        case .logVisit: return .cmdVisit
        case .logContact: return .cmdContact
        case .logPromise: return .cmdPromise
        case .escalate: return .cmdEscalate
        case .approve: return .cmdApprove
        case .comply: return .cmdComply
        case .closeCase: return .cmdClose
        case .previewLetter: return .cmdPreview
        case .writeLetter: return .cmdWrite
        default: return nil
        }
    }

    var caseHintKey: CaseScreenText? {
        switch self {
        case .today: return .hintToday
        case .scope: return .hintScope
        case .logLetter: return .hintLetter
        case .logVisit: return .hintVisit
        case .logContact: return .hintContact
        case .logPromise: return .hintPromise
        case .escalate: return .hintEscalate
        case .approve: return .hintApprove
        case .comply: return .hintComply
        case .closeCase: return .hintClose
        case .previewLetter: return .hintPreview
        case .writeLetter: return .hintWrite
        default: return nil
        }
    }

    /// The help line in the user's language, whichever catalogue holds it.
    public func help(_ s: Strings) -> String {
        caseHelpKey.map { s.text($0) } ?? helpText(s)
    }

    /// The status-bar word in the user's language, for the commands worth a hint.
    public func hint(_ s: Strings) -> String? {
        caseHintKey.map { s.text($0) } ?? hintText(s)
    }
}
