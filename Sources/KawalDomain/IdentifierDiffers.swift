/// A row that matched a company by a weaker identifier but gives a stronger one that differs
/// from the company's: matched by its NIB, it gives another NPWP; matched by its NPP, another
/// NPWP or NIB. A company keeps its NPWP for life, so one of the two is wrong (a typing error,
/// a NIB copied from another row, or another company), and only a person can tell which.
public struct IdentifierDiffers: Hashable, Sendable {
    /// The identifier that differs, as the row gives it and as the company has it (formatted).
    public var field: IdentifierField
    public var value: String
    public var companyValue: String
    /// The company the row matched, by which identifier, and its name.
    public var matchedID: Int64
    public var matchedBy: IdentifierField
    public var matchedName: String

    public init(field: IdentifierField, value: String, companyValue: String, matchedID: Int64, matchedBy: IdentifierField,
                matchedName: String) {
        self.field = field
        self.value = value
        self.companyValue = companyValue
        self.matchedID = matchedID
        self.matchedBy = matchedBy
        self.matchedName = matchedName
    }
}

extension MatchRules {
    /// Whether `record`, matched to `company` as `match` says, gives a stronger identifier than
    /// the one it matched by that differs from the company's. Such a row is refused and the
    /// company left as it was: merged, the row's NPWP would replace the company's everywhere,
    /// its sources included, and a later row with the right NPWP would then be matched to
    /// another company, or to none.
    public static func differingIdentifier(_ record: ImportRecord, company c: Company, match: MatchResult) -> IdentifierDiffers? {
        let by: IdentifierField
        switch match {
        case .sameNIB: by = .nib
        case .sameNPP: by = .npp
        case .sameNPWP, .sameRecord, .possibleDuplicate, .none: return nil
        }
        if let a = record.npwp, let b = c.npwp, a.digits != b.digits {
            return IdentifierDiffers(field: .npwp, value: a.formatted, companyValue: b.formatted, matchedID: c.id, matchedBy: by,
                                     matchedName: c.name)
        }
        if by == .npp, let a = record.nib, let b = c.nib, a.digits != b.digits {
            return IdentifierDiffers(field: .nib, value: a.digits, companyValue: b.digits, matchedID: c.id, matchedBy: by,
                                     matchedName: c.name)
        }
        return nil
    }
}
