/// Why a row of an import file was refused. Names the column so the user knows what to fix.
public enum RowProblem: Error, Equatable, Sendable {
    /// The row has a different number of cells than the header.
    case wrongCellCount(got: Int, expected: Int)
    /// A column that must have a value is empty.
    case missingValue(CompanyField)
    /// An NPWP, NIB, NPP or KBLI that fails its check.
    case identifier(IdentifierError)
    /// A worker count that is not a whole number of at least zero.
    case badNumber(CompanyField, String)
    /// A compliance status other than PWBD, PDS-TK, PDS-Upah, PDS-Program or Patuh.
    case unknownStatus(String)
    /// A legal form other than PT, CV, UD, Koperasi or Perorangan.
    case unknownLegalForm(String)
    /// The row gives a name and nothing to find the company by: no NPWP, NIB, NPP, address or kelurahan.
    case onlyAName
    /// A phone number a spreadsheet wrote in scientific notation (`8,12346E+10`): its digits are lost.
    case phoneAsNumber(String)
    /// A cell holds control characters (for example a terminal escape sequence).
    case controlCharacters(CompanyField)
    /// A cell is longer than `ImportRecord.maxLength` characters.
    case tooLong(CompanyField, length: Int)
    /// The row matched one company but gives an identifier another company has (`MatchRules.clash`).
    case identifierClash(IdentifierClash)
    /// The row matched a company by its NIB or NPP but gives another NPWP (or NIB) than the
    /// company's (`MatchRules.differingIdentifier`).
    case identifierDiffers(IdentifierDiffers)
    /// A quote inside a cell that opens with a quote is not doubled (`"SINAR" JAYA`): the row
    /// cannot be split into its columns as the file means them. `lines`: the file lines the row
    /// took in, its own included (the cell stays open until a later quote closes it).
    case strayQuote(lines: Int)
}

/// One checked row of an import file: the values it gives, each nil when not given.
public struct ImportRecord: Hashable, Sendable {
    /// The longest text a cell of a known column may hold.
    public static let maxLength = 1_000

    public var source: ImportSource
    public var name: String
    public var legalForm: LegalForm?
    public var npwp: NPWP?
    public var nib: NIB?
    public var npp: NPP?
    public var kbli: String?
    public var address: String?
    public var kelurahan: String?
    public var kecamatan: String?
    public var phone: String?
    public var owner: String?
    public var estimatedWorkers: Int?
    public var registeredWorkers: Int?
    public var status: ComplianceStatus?
    /// Whether the kecamatan was blank and follows from the city's kelurahan (the summary counts such rows).
    public var kecamatanFromKelurahan = false

    public init(source: ImportSource, name: String) {
        self.source = source
        self.name = name
    }

    /// Checks a row field by field; the whole row or nothing.
    ///
    /// `cells` are the row's cells, `header` the file's header match. Empty cells mean "not
    /// given". Text is trimmed and runs of spaces, tabs and line breaks become one space; any
    /// other control character refuses the row. A legal form written before the name
    /// (`CV. Batik Sekar Jaya`) is split off when no legal-form column gives one.
    public static func check(_ cells: [String], header: ImportLayout.Header, source: ImportSource) -> Result<ImportRecord, RowProblem> {
        // Cells past the header's that hold nothing (a delimiter some programs end every row
        // with) say nothing. A row with fewer cells, or more that hold something, may have its
        // values in the wrong columns: refused; but a rejected file's row may lack its line and
        // reason (`omissibleTrailing`).
        guard cells.count == header.width || header.omissibleTrailing > 0 && cells.count == header.width - header.omissibleTrailing
              || cells.count > header.width && cells[header.width...].allSatisfy(ImportLayout.isBlank) else {
            return .failure(.wrongCellCount(got: cells.count, expected: header.width))
        }
        /// The cell at `i` in `field`'s column, cleaned; nil when it gives nothing.
        func value(_ i: Int, _ field: CompanyField) -> Result<String?, RowProblem> {
            switch clean(cells[i]) {
            case .success(let cleaned):
                let t = textOfCell(cleaned)
                return .success(t.isEmpty || isPlaceholder(t, field) ? nil : t)
            case .failure(let p): return .failure(p == .control ? .controlCharacters(field) : .tooLong(field, length: cells[i].count))
            }
        }
        var text: [CompanyField: String] = [:]
        // The parts of a worker count a second heading row splits (`ImportLayout.Header.parts`).
        var parts: [CompanyField: [String]] = [:]
        for (field, i) in header.positions {
            if !header.parts.isEmpty, let split = header.parts[field] {
                for j in split {
                    switch value(j, field) {
                    case .success(let t): if let t { parts[field, default: []].append(t) }
                    case .failure(let p): return .failure(p)
                    }
                }
                continue
            }
            switch value(i, field) {
            case .success(let t): if let t { text[field] = t }
            case .failure(let p): return .failure(p)
            }
        }
        guard var name = text[.name] else { return .failure(.missingValue(.name)) }
        var r = ImportRecord(source: source, name: name)
        if let f = text[.legalForm] {
            guard let form = LegalForm(text: f) else { return .failure(.unknownLegalForm(f)) }
            r.legalForm = form
        }
        // Split off only a form the column does not contradict: with `Koperasi Batik Sekar` under
        // `Perorangan`, the word is part of the name, and splitting it would lose it.
        let split = CompanyName.splitLegalForm(name)
        if let form = split.form, !split.rest.isEmpty, r.legalForm == nil || r.legalForm == form {
            r.legalForm = form
            name = split.rest
        }
        r.name = name
        do {
            if let v = text[.npwp] { r.npwp = try NPWP(v) }
            if let v = text[.nib] { r.nib = try NIB(v) }
            if let v = text[.npp] { r.npp = try NPP(v) }
            if let v = text[.kbli] { r.kbli = try kbliCode(v) }
        } catch {
            return .failure(.identifier(error))
        }
        r.address = text[.address]
        if !header.neighbourhood.isEmpty {
            var given: [ImportLayout.Header.Neighbourhood: String] = [:]
            for (kind, i) in header.neighbourhood where i < cells.count {
                switch value(i, .address) {
                case .success(let t): given[kind] = t
                case .failure(let p): return .failure(p)
                }
            }
            r.address = Self.address(r.address, rt: given[.rt], rw: given[.rw], both: given[.both])
        }
        // In the city's spelling, so that lists, filters and the sources agree on the place.
        r.kelurahan = text[.kelurahan].map(Kelurahan.canonical)
        r.kecamatan = text[.kecamatan].map(Kecamatan.canonical)
        // A kecamatan left blank (a cell merged down a sheet grouped by kecamatan, saved as CSV,
        // is blank below its first row) follows from the city's kelurahan.
        if r.kecamatan == nil, let k = r.kelurahan, let found = Kecamatan.containing(kelurahan: k) {
            r.kecamatan = found.name
            r.kecamatanFromKelurahan = true
        }
        if let v = text[.phone] {
            guard let phone = phoneNumber(v) else { return .failure(.phoneAsNumber(v)) }
            r.phone = phone
        }
        r.owner = text[.owner]
        for field in [CompanyField.estimatedWorkers, .registeredWorkers] {
            var n: Int
            if let v = text[field] {
                guard let count = workerCount(v) else { return .failure(.badNumber(field, v)) }
                n = count
            } else if let values = parts[field] {
                n = 0
                for v in values {
                    guard let count = workerCount(v) else { return .failure(.badNumber(field, v)) }
                    n += count
                }
            } else {
                continue
            }
            if field == .estimatedWorkers { r.estimatedWorkers = n } else { r.registeredWorkers = n }
        }
        if let v = text[.status] {
            guard let s = ComplianceStatus(code: v) else { return .failure(.unknownStatus(v)) }
            r.status = s
        }
        if source == .bpjs, r.status == nil { return .failure(.missingValue(.status)) }
        // A name alone finds no company: no officer can visit it, no later list can match it.
        // Under a list it is a note (`Sumber: DPMPTSP …`); inside one, a row cut short.
        if r.npwp == nil, r.nib == nil, r.npp == nil, r.address == nil, r.kelurahan == nil { return .failure(.onlyAName) }
        return .success(r)
    }

    /// An address with the neighbourhood its RT and RW columns give, in the form the city writes
    /// it: `Jl. Seruni 4` with `2` and `3` is `Jl. Seruni 4 RT 2/RW 3`; an `RT/RW` cell of `02/03`
    /// gives `RT 02/RW 03`. A cell that repeats its label (`RT 02`) gives the number; a zero gives
    /// nothing. An address that names its RT or RW already is kept as it is.
    static func address(_ street: String?, rt: String?, rw: String?, both: String?) -> String? {
        func bare(_ v: String?) -> String? {
            guard var t = v?.uppercased() else { return nil }
            for label in ["RT/RW", "RT", "RW"] where t.hasPrefix(label) {
                t.removeFirst(label.count)
                break
            }
            t = String(t.drop { $0 == "." || $0 == ":" || $0 == " " })
            guard !t.isEmpty, !t.allSatisfy({ $0 == "0" }) else { return nil }
            return t
        }
        var part: String?
        if let rtrw = bare(both) {
            let halves = rtrw.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            part = halves.count == 2 && halves.allSatisfy({ !$0.isEmpty }) ? "RT \(halves[0])/RW \(halves[1])" : "RT/RW \(rtrw)"
        } else {
            switch (bare(rt), bare(rw)) {
            case let (t?, w?): part = "RT \(t)/RW \(w)"
            case let (t?, nil): part = "RT \(t)"
            case let (nil, w?): part = "RW \(w)"
            case (nil, nil): part = nil
            }
        }
        guard let part else { return street }
        guard let street else { return part }
        return TextFold.words(street).contains(where: AddressMatch.isNeighbourhood) ? street : street + " " + part
    }

    /// The text a cleaned cell holds once the forms a spreadsheet needs are taken away: the
    /// leading `'` that keeps formula-like text as text (`'=SUM…` is `=SUM…`: the export writes
    /// text too long for `="…"` so), or `="…"` (`textInsideFormula`). One or the other, never
    /// both: `'="x"` is the text `="x"`.
    static func textOfCell(_ cell: String) -> String {
        if SpreadsheetText.startsWithGuard(cell) { return String(cell.dropFirst()) }
        return textInsideFormula(cell)
    }

    /// The text of a cell written `="…"`, the form that keeps a value as text in Excel (a Kawal
    /// export writes NIB, NPP, KBLI and phone numbers so, and text Excel would take for a
    /// formula): `="081234567890"` is `081234567890`, `="@Kopi ""Senja"""` is `@Kopi "Senja"`.
    /// Any other cell, a formula that computes something included, is returned as it is.
    static func textInsideFormula(_ cell: String) -> String {
        let utf8 = cell.utf8
        guard utf8.first == 0x3D, utf8.count >= 3, utf8.dropFirst().first == 0x22, utf8.last == 0x22 else { return cell }
        var inner: [UInt8] = []
        inner.reserveCapacity(utf8.count - 3)
        var quote = false
        for b in utf8.dropFirst(2).dropLast() {
            if quote {
                // Inside the constant a quote is written twice; a lone one ends it, so the
                // cell computes something.
                guard b == 0x22 else { return cell }
                quote = false
                inner.append(b)
            } else if b == 0x22 {
                quote = true
            } else {
                inner.append(b)
            }
        }
        guard !quote else { return cell }
        return String(decoding: inner, as: UTF8.self).trimmingSpaces
    }

    private enum CleanProblem: Error { case control, tooLong }

    /// Trims a cell and folds whitespace runs (including line breaks and the typographic spaces)
    /// to one space. Invisible characters that text pasted from the web or a PDF carries (a
    /// zero-width space, a word joiner, a byte order mark, a soft hyphen) are dropped: a cell
    /// of nothing else is blank, and an NPWP or a count with one is read as written.
    private static func clean(_ cell: String) -> Result<String, CleanProblem> {
        if isClean(cell) { return .success(cell) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var length = 0
        for s in cell.unicodeScalars {
            let v = s.value
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0xA0 || (0x2000...0x200A).contains(v)
                || v == 0x202F || v == 0x205F || v == 0x3000 {
                pendingSpace = !out.isEmpty
                continue
            }
            if Self.isInvisible(s) { continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) { return .failure(.control) }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
            length += 1
        }
        if length > maxLength { return .failure(.tooLong) }
        return .success(String(out))
    }

    /// Whether a character is one of the invisible ones text pasted from the web or a PDF
    /// carries: a zero-width space, a word joiner, a byte order mark, a soft hyphen. (The
    /// zero-width joiner is not: it holds an emoji sequence together.)
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x200B || s.value == 0x2060 || s.value == 0xFEFF || s.value == 0xAD
    }

    /// Whether `clean` would return the cell unchanged: short enough, no control character, no
    /// tab, line break, other space or invisible character, and no space at either end or next
    /// to another. Most cells are, and they are kept without being rebuilt one scalar at a time.
    private static func isClean(_ cell: String) -> Bool {
        let utf8 = cell.utf8
        guard utf8.count <= maxLength else { return false }
        return utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var previous: UInt8 = 0x20  // a leading space is not clean
            var before: UInt8 = 0
            for b in bytes {
                if b < 0x20 || b == 0x7F { return false }
                if b == 0x20 && previous == 0x20 { return false }
                // U+0080…U+00A0 (C1 controls and the no-break space) and U+00AD (the soft
                // hyphen) are C2 80…C2 A0 and C2 AD in UTF-8.
                if previous == 0xC2 && ((b >= 0x80 && b <= 0xA0) || b == 0xAD) { return false }
                // U+2000…U+200B, U+202F (E2 80 80…8B, AF), U+205F, U+2060 (E2 81 9F, A0),
                // U+3000 (E3 80 80) and U+FEFF (EF BB BF).
                if before == 0xE2 && previous == 0x80 && (b <= 0x8B || b == 0xAF) { return false }
                if before == 0xE2 && previous == 0x81 && (b == 0x9F || b == 0xA0) { return false }
                if before == 0xE3 && previous == 0x80 && b == 0x80 { return false }
                if before == 0xEF && previous == 0xBB && b == 0xBF { return false }
                before = previous
                previous = b
            }
            return bytes.isEmpty || previous != 0x20
        } ?? false
    }

    /// `12`, `1.250` (Indonesian thousands), `1,250`: a whole count of at least zero. A count
    /// a spreadsheet formatted with decimals that are zero (`12,00`, `1.250,00`, `12.0`) is
    /// whole too; any other decimal part is refused.
    static func workerCount(_ text: String) -> Int? {
        var digits = text
        // Zero decimals: one or two zeros after the last separator (three would be thousands).
        if let cut = digits.lastIndex(where: { $0 == "," || $0 == "." }) {
            let decimals = digits[digits.index(after: cut)...]
            if (1...2).contains(decimals.count), decimals.allSatisfy({ $0 == "0" }), cut > digits.startIndex {
                digits = String(digits[..<cut])
            }
        }
        // A count written with its unit, as lists typed by hand have it: `25 orang`, `25 org.`, `25 TK`.
        if let last = digits.last, last.isLetter || last == "." {
            let parts = digits.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, workerUnits.contains(parts[1].lowercased().filter(\.isLetter)) else { return nil }
            digits = String(parts[0])
        }
        if digits.contains(where: { $0 == "." || $0 == "," }) {
            // Only thousands separators in groups of three are accepted, never decimals.
            let groups = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
            guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count) else {
                return nil
            }
            digits = groups.joined()
        }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Whether a cell only says that there is no value, as government sheets write it: `-`,
    /// `n/a`, `tidak ada`, `belum ada`; or, in an identifier column, zeros alone (`0`,
    /// `00.000.000.0-000.000`). Such a cell is not given. An all-zero NPWP taken for a real one
    /// would make every company written with it the same company.
    static func isPlaceholder(_ cell: String, _ field: CompanyField) -> Bool {
        let utf8 = cell.utf8
        guard utf8.count <= 24 else { return false }
        switch field {
        case .kbli:
            // Zeros, with the punctuation an identifier may carry, and at least one zero.
            if utf8.contains(0x30), utf8.allSatisfy({ $0 == 0x30 || isIdentifierPunctuation($0) }) { return true }
        case .npwp, .nib, .npp:
            if isFillerIdentifier(utf8) { return true }
        default:
            break
        }
        // Every cell of every row comes through here: compared in place, ASCII letters folded,
        // against the few placeholders of the same length.
        let n = utf8.count
        candidates: for p in placeholderBytes where p.count == n {
            var i = 0
            for b in utf8 {
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != p[i] { continue candidates }
                i += 1
            }
            return true
        }
        return false
    }

    /// Whether an identifier cell is a filler typed to get past a required cell: one digit
    /// throughout (`0000000000000`, `9999999999999`, `99.999.999.9-999.999`), with any
    /// punctuation. No NPWP, NIB or NPP is issued so, and taken for a real one it would make one
    /// company of every row that carries it.
    static func isFillerIdentifier(_ utf8: String.UTF8View) -> Bool {
        var first: UInt8?
        for b in utf8 {
            if isIdentifierPunctuation(b) { continue }
            guard b >= 0x30, b <= 0x39, first == nil || b == first else { return false }
            first = b
        }
        return first != nil
    }

    private static let placeholderBytes: [[UInt8]] = placeholders.map { Array($0.utf8) }

    /// What a cell says when a sheet has no value for it (lower case; letters ASCII only).
    static let placeholders: Set<String> = [
        // Not `NA`: in BPJAMSOSTEK's data that is a status (non-active), to be refused as such.
        "-", "--", "---", "–", "—", "?", "n/a", "n.a.", "nihil", "kosong", "null", "none",
        "tidak ada", "tdk ada", "belum ada", "blm ada", "tidak diketahui", "belum diketahui",
    ]

    /// A phone number as the list gives it, except one a spreadsheet stored as a number, which
    /// lost its leading 0 (`81234567890` is `081234567890`, `2854123456` is `02854123456`): all
    /// digits, 9 to 12 of them, not starting with 0 or with the country code 62. Nil when it is
    /// a number in scientific notation (`8,12346E+10`): its digits are lost.
    static func phoneNumber(_ text: String) -> String? {
        if isScientificNotation(text) { return nil }
        let utf8 = text.utf8
        guard (9...12).contains(utf8.count), utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              utf8.first != 0x30, !text.hasPrefix("62") else { return text }
        return "0" + text
    }

    /// Words a worker count may be followed by (lower case, letters only).
    static let workerUnits: Set<String> = ["orang", "org", "tk", "tenagakerja", "pekerja", "karyawan", "jiwa"]

    /// A KBLI code: five digits.
    static func kbliCode(_ text: String) throws(IdentifierError) -> String {
        // OSS lists every business activity's KBLI: `13134, 46491` is two codes, not one bad one.
        let groups = text.split(whereSeparator: { !$0.isNumber }).filter { $0.count == 5 }
        if groups.count > 1 { throw IdentifierError(field: .kbli, value: text, problem: .severalCodes) }
        let d = try identifierDigits(text, field: .kbli)
        guard d.count == 5 else { throw IdentifierError(field: .kbli, value: text, problem: .wrongLength(got: d.count, expected: [5])) }
        return String(d.map { Character(String($0)) })
    }

    /// The value the row gives for `field` as text (the form `SourcedValue.value` holds), nil when not given.
    public func value(_ field: CompanyField) -> String? {
        switch field {
        case .name: return name
        case .legalForm: return legalForm?.rawValue
        case .npwp: return npwp?.digits
        case .nib: return nib?.digits
        case .npp: return npp?.digits
        case .kbli: return kbli
        case .address: return address
        case .kelurahan: return kelurahan
        case .kecamatan: return kecamatan
        case .phone: return phone
        case .owner: return owner
        case .estimatedWorkers: return estimatedWorkers.map(String.init)
        case .registeredWorkers: return registeredWorkers.map(String.init)
        case .status: return status?.rawValue
        }
    }

    /// The company a row with no match becomes (id 0: the store assigns one).
    ///
    /// What the row does not give takes a neutral default: a company on either list without a
    /// status is obliged and not registered (PWBD); the scale follows the estimated workers.
    public func newCompany() -> Company {
        let estimated = estimatedWorkers ?? 0
        return Company(
            id: 0, name: name, legalForm: legalForm ?? .perorangan, npwp: npwp, nib: nib, npp: npp,
            sector: Sector.forCode(kbli ?? ""), address: address ?? "", kelurahan: kelurahan ?? "",
            kecamatan: kecamatan ?? "", phone: phone ?? "", owner: owner ?? "", estimatedWorkers: estimated,
            registeredWorkers: registeredWorkers ?? 0, scale: .forWorkers(estimated), status: status ?? .pwbd)
    }
}
