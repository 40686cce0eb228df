import KawalDomain

/// The text the store sorts and searches names by: lower case, Latin diacritics removed.
///
/// `Café Léstari` → `cafe lestari`, so accented names sort among their plain neighbours and
/// a search for `cafe` finds them. Stored in `company.name_key`; the query text is folded
/// the same way before it is compared. The rule itself is the domain's `TextFold`.
enum NameKey {
    static func fold(_ text: String) -> String { TextFold.fold(text) }
}
