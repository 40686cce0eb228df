/// How company names are compared across lists.
public enum CompanyName {
    /// Words that only say the legal form, dropped before names are compared.
    static let legalFormWords: Set<String> = ["pt", "cv", "ud", "koperasi", "kop", "tbk", "persero", "perseroan", "fa", "firma"]

    /// The key two names are compared by: folded, without punctuation, doubled spaces or the
    /// legal form. `CV. Batik  Sekar Jaya` and `Batik Sekar Jaya` have the same key,
    /// `batik sekar jaya`.
    ///
    /// A name with no letters or digits (emoji or symbols only) keeps its symbols instead, folded
    /// and with its spaces tidied (`symbolKey`): without them its key would be empty and the name
    /// would match nothing, not even itself on the next month's list. Such a key has no letter or
    /// digit, so it never equals the key of a name that has one.
    public static func matchKey(_ name: String) -> String {
        var words = TextFold.words(name)
        if words.isEmpty { return symbolKey(name) }
        // "P.T." and "C.V." come apart into single letters.
        if words.count >= 2, words[0].count == 1, words[1].count == 1, ["pt", "cv", "ud"].contains(words[0] + words[1]) {
            words.removeFirst(2)
        }
        while let first = words.first, legalFormWords.contains(first), words.count > 1 { words.removeFirst() }
        while let last = words.last, legalFormWords.contains(last), words.count > 1 { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// A name without letters or digits as it is compared: folded, its whitespace runs made one
    /// space, without spaces at either end.
    static func symbolKey(_ name: String) -> String {
        TextFold.fold(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Splits a legal form written before the name, `CV. Batik Sekar Jaya` → (CV, `Batik Sekar
    /// Jaya`), or after it, `BATIK SEKAR JAYA, CV` → (CV, `BATIK SEKAR JAYA`).
    public static func splitLegalForm(_ name: String) -> (form: LegalForm?, rest: String) {
        let trimmed = name.drop(while: { $0 == " " })
        if let before = splitLeadingLegalForm(trimmed) { return before }
        if let after = splitTrailingLegalForm(trimmed) { return after }
        return (nil, String(trimmed))
    }

    static func splitLeadingLegalForm(_ trimmed: Substring) -> (form: LegalForm?, rest: String)? {
        guard let first = trimmed.first, "PpCcUuKkFf".contains(first) else { return nil }
        for (prefix, form) in [("P.T.", LegalForm.pt), ("PT.", .pt), ("PT", .pt), ("C.V.", .cv), ("CV.", .cv), ("CV", .cv),
                               ("U.D.", .ud), ("UD.", .ud), ("UD", .ud), ("Koperasi", .koperasi), ("Kop.", .koperasi),
                               ("Fa.", .firma), ("Firma", .firma)] {
            // Longer than the prefix (without counting the whole name's characters).
            guard !trimmed.dropFirst(prefix.count).isEmpty,
                  trimmed.prefix(prefix.count).uppercased() == prefix.uppercased() else { continue }
            let after = trimmed.dropFirst(prefix.count)
            guard let next = after.first, next == " " || prefix.hasSuffix(".") else { continue }
            let rest = after.drop(while: { $0 == " " })
            if rest.isEmpty { continue }
            return (form, String(rest))
        }
        return nil
    }

    /// Splits a legal form written after the name, as tax and BPJAMSOSTEK lists often write
    /// it: `BATIK SEKAR JAYA, CV`, `Maju Jaya (PT)`, `MAJU JAYA PT`, `UNILEVER INDONESIA TBK, PT`.
    /// After a comma or in brackets the form may be in any case; a bare last word counts only
    /// in capitals (`PT`, not `Pt`), so that a name that merely ends in such letters keeps them.
    static func splitTrailingLegalForm(_ name: Substring) -> (form: LegalForm, rest: String)? {
        var text = name
        while let last = text.last, last == " " || last == "." { text.removeLast() }
        // Most names end in none of these letters: ruled out before anything is built.
        guard let end = text.last, "TtVvDdKk)".contains(end) else { return nil }
        let word: Substring
        var rest: Substring
        var separated: Bool
        if end == ")" {
            guard let open = text.lastIndex(of: "(") else { return nil }
            word = text[text.index(after: open)..<text.index(before: text.endIndex)]
            rest = text[..<open]
            separated = true
        } else {
            guard let cut = text.lastIndex(where: { $0 == " " || $0 == "," }) else { return nil }
            word = text[text.index(after: cut)...]
            rest = text[..<cut]
            separated = text[cut] == ","
        }
        let key = word.filter { $0 != "." && $0 != " " }.uppercased()
        guard let form = trailingForms[key] else { return nil }
        while let l = rest.last, l == " " || l == "," {
            if l == "," { separated = true }
            rest.removeLast()
        }
        guard !rest.isEmpty, separated || word.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return nil }
        // A listed company's PT keeps its Tbk: `PT UNILEVER INDONESIA TBK`.
        return (form, key == "TBK" ? String(text) : String(rest))
    }

    private static let trailingForms: [String: LegalForm] = ["PT": .pt, "CV": .cv, "UD": .ud, "TBK": .pt]
}

/// How addresses are compared when names match.
public enum AddressMatch {
    private static let synonyms: [String: String] = [
        "jl": "jalan", "jln": "jalan", "gg": "gang", "kel": "kelurahan", "kec": "kecamatan", "ds": "desa",
    ]
    private static let filler: Set<String> = ["no", "nomor", "nomer"]

    /// The words an address is compared by: folded, abbreviations spelled out (`Jl.` = `Jalan`,
    /// `Gg.` = `Gang`), `No.` dropped, the neighbourhood (`RT 02/RW 03`) dropped, and the place
    /// the address repeats dropped: one list gives these and the other not, and the street and
    /// number already say where the place is.
    ///
    /// The place is the city (`Pekalongan`, `Kota`), a kelurahan (today's or a former one) or a
    /// kecamatan of it, and the words that say which (`Kel.`, `Kelurahan`, `Desa`, `Kec.`,
    /// `Kecamatan`). `JL MERDEKA NO 21 PEKALONGAN`, `JL. MERDEKA NO 21, PODOSUGIH` and
    /// `Jl. Merdeka No. 21` are all `jalan merdeka 21`. A street may share its name with a
    /// place (`Jl. Kergon`, `Gg. Setono 3`), so a place name is dropped only where it cannot be
    /// the street's: after the house number (or the neighbourhood), after a comma, or after a
    /// `Kel.` or `Kec.`.
    public static func words(_ address: String) -> [String] {
        var out: [String] = []
        // Past the house number or a comma: a place name there is the address's place.
        var pastStreet = false
        for (i, part) in address.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { pastStreet = true }
            let w = TextFold.words(String(part))
            var neighbourhood = false
            var j = 0
            while j < w.count {
                let word = w[j]
                if isNeighbourhood(word) {
                    neighbourhood = word.count == 2  // `RT` before its number; `RT02` carries it
                    if !out.isEmpty { pastStreet = true }
                    j += 1
                    continue
                }
                if neighbourhood, word.allSatisfy(\.isNumber) { j += 1; continue }
                neighbourhood = false
                if markers.contains(word) {
                    // `Kel. Kergon`, `Kec. Pekalongan Barat`, `Kec. Timur`: the marker and the place it names.
                    let place = placeLength(w, from: j + 1, afterKecamatanMarker: Kecamatan.prefixWords.contains(word))
                    if place > 0 || pastStreet {
                        j += 1 + place
                        continue
                    }
                } else if pastStreet {
                    let place = placeLength(w, from: j, afterKecamatanMarker: false)
                    if place > 0 {
                        j += place
                        continue
                    }
                }
                if !filler.contains(word) {
                    // The house number: the first word with a digit after the street's name.
                    if !out.isEmpty, word.contains(where: \.isNumber) { pastStreet = true }
                    out.append(synonyms[word] ?? word)
                }
                j += 1
            }
        }
        return out
    }

    /// The words that say a kelurahan or kecamatan follows (`Kel.`, `Kelurahan`, `Desa`, `Kec.`, `Kecamatan`).
    static let markers = Kelurahan.prefixWords.union(Kecamatan.prefixWords)

    /// Place names of the city as run-together folded words (`bendankergon`, `pekalonganbarat`).
    private static let places: Set<String> = {
        var keys: Set<String> = ["pekalongan", "kota", "kotapekalongan"]
        for k in Kecamatan.pekalongan { keys.insert(placeWords(k.name).joined()) }
        for k in Kelurahan.all { keys.insert(placeWords(k).joined()) }
        return keys
    }()

    /// How many of `words` from `start` name a place of the city (the longest such run, up to
    /// three words), 0 when none does. After `Kec.` a kecamatan may be shortened (`Pek. Timur`,
    /// `Timur`), as `Kecamatan.canonical` reads it.
    static func placeLength(_ words: [String], from start: Int, afterKecamatanMarker: Bool) -> Int {
        guard start < words.count else { return 0 }
        for length in stride(from: min(3, words.count - start), through: 1, by: -1) {
            let run = words[start..<(start + length)]
            if places.contains(run.joined()) { return length }
            if afterKecamatanMarker, length <= 2, Kecamatan.isCity(Kecamatan.canonical(run.joined(separator: " "))) { return length }
        }
        return 0
    }

    /// Whether a folded word of an address says which RT or RW: `rt`, `rw`, or one with its
    /// number (`rt02`).
    static func isNeighbourhood(_ w: String) -> Bool {
        guard w.hasPrefix("rt") || w.hasPrefix("rw") else { return false }
        return w.count == 2 || w.dropFirst(2).allSatisfy(\.isNumber)
    }

    /// Whether two addresses are the same: the same words, and at least one.
    public static func same(_ a: String, _ b: String) -> Bool {
        let wa = words(a)
        return !wa.isEmpty && wa == words(b)
    }

    /// Whether two addresses are probably the same place: the same words, or at least four in
    /// five of their distinct words shared. Different house numbers are different words, so
    /// `Jl. Seruni 1` is not similar to `Jl. Seruni 12`. An empty address is similar to nothing.
    public static func similar(_ a: String, _ b: String) -> Bool {
        let wa = words(a), wb = words(b)
        guard !wa.isEmpty, !wb.isEmpty else { return false }
        if wa == wb { return true }
        let sa = Set(wa), sb = Set(wb)
        let shared = sa.intersection(sb).count
        return shared * 5 >= sa.union(sb).count * 4
    }

    /// Whether two kelurahan names are the same kelurahan today (case, spacing and punctuation
    /// ignored): a former kelurahan is the one it was merged into (`Kelurahan.current`), so
    /// `Kergon` and `Bendan Kergon` are the same. Empty names never are.
    public static func sameKelurahan(_ a: String, _ b: String) -> Bool {
        let ka = TextFold.words(Kelurahan.current(Kelurahan.canonical(a)))
        let kb = TextFold.words(Kelurahan.current(Kelurahan.canonical(b)))
        return !ka.isEmpty && ka == kb
    }
}

/// A company an import row may be matched against, as the store finds it.
public struct MatchCandidate: Hashable, Sendable {
    public var company: Company
    /// The source of the list that first brought the company in (nil: entered another way).
    public var origin: DataSource?
    /// The other candidates a person decided are different companies from this one (the
    /// duplicate review's "keep apart"), by id.
    public var keptApartFrom: Set<Int64>

    public init(company: Company, origin: DataSource?, keptApartFrom: Set<Int64> = []) {
        self.company = company
        self.origin = origin
        self.keptApartFrom = keptApartFrom
    }
}

/// Where an import looks for the company a row may describe. The store answers from its indexes.
public protocol CompanyLookup {
    /// The company with these NPWP digits (15, canonical), if any.
    func company(npwp: String) throws -> Int64?
    /// The company with this NIB, if any.
    func company(nib: String) throws -> Int64?
    /// The company with this NPP, if any.
    func company(npp: String) throws -> Int64?
    /// Companies whose name has this `CompanyName.matchKey` (a bounded number, same kelurahan
    /// first), each with the others among them it was kept apart from.
    func companies(nameKey: String, kelurahan: String) throws -> [MatchCandidate]
}

/// What the matching rules decided about a row.
public enum MatchResult: Hashable, Sendable {
    /// The same company: the same NPWP (either form), else the same NIB, else the same NPP.
    case sameNPWP(Int64)
    case sameNIB(Int64)
    case sameNPP(Int64)
    /// A company this same list brought in before with exactly these values (the row seen again).
    case sameRecord(Int64)
    /// Maybe the same company: to be reviewed by a person, never merged automatically.
    case possibleDuplicate(Int64, DuplicateReason)
    /// A company not known yet.
    case none

    /// The company the row is merged into, if it is certainly the same one.
    public var matchedID: Int64? {
        switch self {
        case .sameNPWP(let id), .sameNIB(let id), .sameNPP(let id), .sameRecord(let id): return id
        case .possibleDuplicate, .none: return nil
        }
    }
}

/// A row that names two companies: merged into the one it matched, it would give that company
/// an NPWP, NIB or NPP that another company already has.
public struct IdentifierClash: Hashable, Sendable {
    /// The identifier the other company has, as the row gives it (formatted).
    public var field: IdentifierField
    public var value: String
    /// The company the row matched, and by which identifier (nil: by name, the row seen again).
    public var matchedID: Int64
    public var matchedBy: IdentifierField?
    /// The company that already has the identifier.
    public var otherID: Int64
    /// The two companies' names, for the person who has to look into it.
    public var matchedName: String
    public var otherName: String

    public init(field: IdentifierField, value: String, matchedID: Int64, matchedBy: IdentifierField?, otherID: Int64,
                matchedName: String = "", otherName: String = "") {
        self.field = field
        self.value = value
        self.matchedID = matchedID
        self.matchedBy = matchedBy
        self.otherID = otherID
        self.matchedName = matchedName
        self.otherName = otherName
    }
}

/// The matching rules of an import, in order.
public enum MatchRules {
    /// Whether merging `plan` (the row `match` found) would give its company an identifier that
    /// another company has. Only a person can tell which of the two is right (the row, or the
    /// other company's record), so such a row is refused and nothing changes (the caller fills
    /// in the other company's name). Identifiers the
    /// company already had are not looked up again: only ones the merge adds or replaces.
    public static func clash(_ plan: MergePlan, before: Company, match: MatchResult, in lookup: some CompanyLookup) throws -> IdentifierClash? {
        let by: IdentifierField?
        switch match {
        case .sameNPWP: by = .npwp
        case .sameNIB: by = .nib
        case .sameNPP: by = .npp
        case .sameRecord, .possibleDuplicate, .none: by = nil
        }
        func check(_ field: IdentifierField, _ after: String?, _ was: String?, shown: String?, _ find: (String) throws -> Int64?) throws -> IdentifierClash? {
            guard let after, after != was, let other = try find(after), other != before.id else { return nil }
            return IdentifierClash(field: field, value: shown ?? after, matchedID: before.id, matchedBy: by, otherID: other,
                                   matchedName: before.name)
        }
        let c = plan.company
        return try check(.npwp, c.npwp?.digits, before.npwp?.digits, shown: c.npwp?.formatted) { try lookup.company(npwp: $0) }
            ?? check(.nib, c.nib?.digits, before.nib?.digits, shown: nil) { try lookup.company(nib: $0) }
            ?? check(.npp, c.npp?.digits, before.npp?.digits, shown: nil) { try lookup.company(npp: $0) }
    }

    /// Finds the company `record` describes.
    ///
    /// 1. The same NPWP is the same company (the 15- and 16-digit forms and punctuation compare equal).
    /// 2. Otherwise the same NIB. 3. Otherwise the same NPP.
    /// 4. Otherwise a company with the same normalised name and the same kelurahan or a similar
    ///    address is a possible duplicate, unless an NPWP or NIB on both sides proves them different.
    ///    A candidate the same list brought in with exactly the row's values is the row seen again.
    ///    Of several candidates, the row is paired with one only, as `pairing` chooses.
    ///
    /// `nameKey`: `CompanyName.matchKey(record.name)` when the caller has it already.
    public static func match(_ record: ImportRecord, nameKey: String? = nil, in lookup: some CompanyLookup) throws -> MatchResult {
        if let n = record.npwp, let id = try lookup.company(npwp: n.digits) { return .sameNPWP(id) }
        if let n = record.nib, let id = try lookup.company(nib: n.digits) { return .sameNIB(id) }
        if let n = record.npp, let id = try lookup.company(npp: n.digits) { return .sameNPP(id) }
        let key = nameKey ?? CompanyName.matchKey(record.name)
        guard !key.isEmpty else { return .none }
        var possible: [MatchCandidate] = []
        for candidate in try lookup.companies(nameKey: key, kelurahan: record.kelurahan ?? "") {
            let c = candidate.company
            if let a = record.npwp, let b = c.npwp, a != b { continue }
            if let a = record.nib, let b = c.nib, a != b { continue }
            if let a = record.npp, let b = c.npp, a != b { continue }
            if candidate.origin == record.source.dataSource, MergeRules.givesNothingNew(record, to: c) {
                return .sameRecord(c.id)
            }
            possible.append(candidate)
        }
        return pairing(record, among: possible)
    }

    /// How a row fits a candidate of the same name: by address, kelurahan, list and values.
    /// Compared, the better fit is the greater.
    struct Fit: Comparable {
        /// 2: the same address words (`AddressMatch.same`); 1: a similar address; 0: neither.
        var address: Int
        /// The same kelurahan today (`AddressMatch.sameKelurahan`).
        var kelurahan: Bool
        /// The candidate came in on the row's own list (the same source).
        var sameList: Bool
        /// How many of the values the row gives the candidate has too (each compared as
        /// `CompanyField.comparisonKey` compares it).
        var agreeing: Int

        init(_ r: ImportRecord, _ candidate: MatchCandidate) {
            let c = candidate.company
            let street = r.address ?? ""
            address = AddressMatch.same(street, c.address) ? 2 : AddressMatch.similar(street, c.address) ? 1 : 0
            kelurahan = AddressMatch.sameKelurahan(r.kelurahan ?? "", c.kelurahan)
            sameList = candidate.origin == r.source.dataSource
            agreeing = CompanyField.allCases.reduce(0) { n, f in
                guard let v = r.value(f) else { return n }
                return f.comparisonKey(v) == f.comparisonKey(f.value(of: c)) ? n + 1 : n
            }
        }

        /// Whether the row may be a duplicate of the candidate at all (rule 4).
        var isPossible: Bool { address > 0 || kelurahan }

        static func < (a: Fit, b: Fit) -> Bool {
            (a.address, a.kelurahan ? 1 : 0, a.sameList ? 1 : 0, a.agreeing) < (b.address, b.kelurahan ? 1 : 0, b.sameList ? 1 : 0, b.agreeing)
        }
    }

    /// Which of the companies that share a row's name (none the row's values, nor one an
    /// identifier proves different) the row is paired with for review, and why; nil for none.
    /// Never a merge: only a person decides that.
    ///
    /// - A company is a candidate when it is in the same kelurahan (today's: `Kergon` is
    ///   `Bendan Kergon`) or at a similar address.
    /// - The candidates are ranked: the same address before a similar one, then the same
    ///   kelurahan, then a company the row's own list brought in before one from the other list,
    ///   then the one that has more of the row's values, then the older (the lower id).
    /// - The row is evidently the best-ranked candidate its own list brought in (a list that
    ///   lists its company again, a value or two changed), else the best-ranked one. A company a
    ///   person kept apart from that one is a company the row is not: the row is never paired
    ///   with it, however well it ranks, for that would ask the person the same question again.
    /// - The row is paired with the best-ranked candidate left.
    static func pairing(_ record: ImportRecord, among companies: [MatchCandidate]) -> MatchResult {
        let ranked = companies.map { (candidate: $0, fit: Fit(record, $0)) }
            .filter(\.fit.isPossible)
            .sorted { $0.fit != $1.fit ? $0.fit > $1.fit : $0.candidate.company.id < $1.candidate.company.id }
        guard let evident = ranked.first(where: \.fit.sameList) ?? ranked.first else { return .none }
        let evidentID = evident.candidate.company.id
        guard let chosen = ranked.first(where: {
            !evident.candidate.keptApartFrom.contains($0.candidate.company.id) && !$0.candidate.keptApartFrom.contains(evidentID)
        }) else { return .none }
        return .possibleDuplicate(chosen.candidate.company.id, chosen.fit.kelurahan ? .sameNameSameKelurahan : .sameNameSimilarAddress)
    }
}
