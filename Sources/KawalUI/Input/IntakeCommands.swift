/// The words of the commands whose strings live in the intake catalogue.
extension Command {
    var intakeHelpKey: IntakeText? {
        switch self {
        case .exportList: return .cmdExport
        case .importHistory: return .cmdImportHistory
        case .duplicateReview: return .cmdDuplicates
        case .mergeDuplicate: return .cmdMerge
        case .keepApart: return .cmdKeepApart
        case .openIncoming: return .cmdOpenIncoming
        case .sources: return .cmdSources
        default: return nil
        }
    }

    var intakeHintKey: IntakeText? {
        switch self {
        case .exportList: return .hintExport
        case .importHistory: return .hintImportHistory
        case .duplicateReview: return .hintDuplicates
        case .mergeDuplicate: return .hintMerge
        case .keepApart: return .hintKeepApart
        case .openIncoming: return .hintOpenIncoming
        case .sources: return .hintSources
        default: return nil
        }
    }

    /// The help line in the user's language, whichever catalogue holds it.
    public func helpText(_ s: Strings) -> String {
        intakeHelpKey.map { s.text($0) } ?? s[helpKey]
    }

    /// The status-bar word in the user's language, for the commands worth a hint.
    public func hintText(_ s: Strings) -> String? {
        if let k = intakeHintKey { return s.text(k) }
        return hintKey.map { s[$0] }
    }
}
