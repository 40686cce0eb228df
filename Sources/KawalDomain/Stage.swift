/// A case's place on the enforcement ladder (PP 86/2013 and Pekalongan practice), or its end.
///
/// The ladder runs from persuasion (letters, visits) to the guarded last resort, the referral
/// to the prosecutor. `compliant` and `closed` end a case.
public enum Stage: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case identified
    case notified
    case visited
    case warning1
    case warning2
    case examined
    case sanctionRecommended
    case referred
    case compliant
    case closed

    /// The eight rungs of the ladder, bottom first.
    public static let ladder: [Stage] = [
        .identified, .notified, .visited, .warning1, .warning2, .examined, .sanctionRecommended, .referred,
    ]

    /// Position on the ladder (0 = identified), nil for the ends.
    public var rung: Int? { Stage.ladder.firstIndex(of: self) }

    /// Whether the case is finished.
    public var isEnd: Bool { self == .compliant || self == .closed }

    /// Sort order: the ladder bottom first, then the ends.
    public var order: Int { Stage.allCases.firstIndex(of: self)! }

    public static func < (a: Stage, b: Stage) -> Bool { a.order < b.order }
}

/// Why a case was closed without the company becoming compliant.
public enum ClosingReason: String, CaseIterable, Sendable, Codable {
    case ceasedTrading
    case duplicate
    case outsideArea
    case notObliged
}

extension Stage {
    /// The next rung up, nil at the top of the ladder and for the ends.
    public var next: Stage? {
        guard let r = rung, r + 1 < Stage.ladder.count else { return nil }
        return Stage.ladder[r + 1]
    }

    /// The rung below, nil at the bottom of the ladder and for the ends.
    public var previous: Stage? {
        guard let r = rung, r > 0 else { return nil }
        return Stage.ladder[r - 1]
    }
}

extension LetterKind {
    /// The stage this kind of letter brings a case to when sent from the rung below it.
    public var stage: Stage {
        switch self {
        case .notification, .socialisation: return .notified
        case .warning1: return .warning1
        case .warning2: return .warning2
        case .sanctionRecommendation: return .sanctionRecommended
        case .referral: return .referred
        }
    }

    /// Whether the letter is a written warning (*teguran tertulis*).
    public var isWarning: Bool { self == .warning1 || self == .warning2 }

    /// Whether the letter is persuasion (a notification or an invitation to a socialisation).
    public var isPersuasive: Bool { self == .notification || self == .socialisation }
}

extension VisitKind {
    /// The stage this kind of visit brings a case to when made from the rung below it.
    public var stage: Stage { self == .kunjungan ? .visited : .examined }
}
