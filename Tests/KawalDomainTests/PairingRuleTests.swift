import KawalDomain
import Testing

/// The possible-duplicate rule (matching rule 4) on the places, names and decisions the two
/// lists bring: BPJAMSOSTEK's addresses that end with the place, the city's former kelurahan,
/// names of symbols only, and several companies of one name.
@Suite struct PairingRuleTests {
    typealias S = IntakeSample

    /// BPJAMSOSTEK's list has no kelurahan column: its addresses often end with the place, which
    /// the city's list gives in a column of its own. Left out, the two are the same address.
    @Test func placeWordsAnAddressRepeatsAreLeftOut() {
        for (written, plain) in [
            ("JL MERDEKA NO 21 PEKALONGAN", "Jl. Merdeka No. 21"),
            ("JL. MERDEKA NO 21, PODOSUGIH", "Jl. Merdeka No. 21"),
            ("JL KENANGA 7 KEL. KERGON", "Jl. Kenanga No. 7"),
            ("Jl. Kenanga 7 Kel. Bendan Kergon Kec. Pekalongan Barat", "Jl. Kenanga No. 7"),
            ("JL MERDEKA 21 KOTA PEKALONGAN", "Jl. Merdeka No. 21"),
            ("Jl. Merdeka 21 Pekalongan Barat", "Jl. Merdeka No. 21"),
            ("Jl. Merdeka 21, Kec. Pek. Timur", "Jl. Merdeka No. 21"),
            ("Jl. Seruni 4 RT 02/RW 03 Kauman", "Jl. Seruni No. 4"),
            ("Jl. Seruni 4, Kelurahan Panjangwetan", "Jl. Seruni No. 4"),
            ("Kel. Kauman, Jl. Seruni 4", "Jl. Seruni No. 4"),
        ] {
            #expect(AddressMatch.words(written) == AddressMatch.words(plain), "\(written)")
            #expect(AddressMatch.similar(written, plain), "\(written)")
        }
        #expect(AddressMatch.words("JL KENANGA 7 KEL. KERGON") == ["jalan", "kenanga", "7"])
        // A street named after a place keeps its name: before the number it is the street.
        #expect(AddressMatch.words("Jl. Kergon No. 5") == ["jalan", "kergon", "5"])
        #expect(AddressMatch.words("Gg. Setono 3, Setono") == ["gang", "setono", "3"])
        #expect(AddressMatch.words("Jl. Raya Pekalongan 12") == ["jalan", "raya", "pekalongan", "12"])
        #expect(!AddressMatch.similar("Jl. Kergon No. 5", "Jl. Merdeka No. 5, Kergon"))
        // Different house numbers are still different places.
        #expect(!AddressMatch.similar("JL MERDEKA NO 21 PEKALONGAN", "Jl. Merdeka No. 12"))
        #expect(!AddressMatch.similar("JL KENANGA 7 KEL. KERGON", "Jl. Kenanga No. 17, Kergon"))
        #expect(!AddressMatch.similar("JL. MERDEKA NO 21, PODOSUGIH", "Jl. Merdeka No. 2"))
        // A place outside the city is no repetition of the city's.
        #expect(AddressMatch.words("Jl. Merdeka 21 Batang") == ["jalan", "merdeka", "21", "batang"])
        #expect(AddressMatch.words("Jl. Merdeka 21, Kab. Pekalongan").contains("kab"))
    }

    /// The BPJAMSOSTEK rows that came in as new companies: each is now queued for review beside
    /// the company the city's list brought in.
    @Test func bpjsRowsWhoseAddressEndsWithThePlaceArePossibleDuplicates() throws {
        func city(_ id: Int64, _ name: String, _ address: String, _ kelurahan: String) -> (Company, DataSource?) {
            var c = S.pemkot(name, address: address, kelurahan: kelurahan).newCompany()
            c.id = id
            return (c, .pemkot)
        }
        let lookup = ListLookup(companies: [
            5: city(5, "Batik Tulis Kenanga", "Jl. Kenanga No. 7", "Kergon"),
            6: city(6, "Warung Makan Bu Tini", "Jl. Merdeka No. 21", "Podosugih"),
        ])
        for (name, address, id) in [("WARUNG MAKAN BU TINI", "JL MERDEKA NO 21 PEKALONGAN", Int64(6)),
                                    ("WARUNG MAKAN BU TINI", "JL. MERDEKA NO 21, PODOSUGIH", 6),
                                    ("BATIK TULIS KENANGA", "JL KENANGA 7 KEL. KERGON", 5)] {
            #expect(try MatchRules.match(S.bpjs(name, address: address), in: lookup) == .possibleDuplicate(id, .sameNameSimilarAddress),
                    "\(address)")
        }
        #expect(try MatchRules.match(S.bpjs("WARUNG MAKAN BU TINI", address: "JL MERDEKA NO 12 PEKALONGAN"), in: lookup) == .none)
    }

    /// The city merged its 47 kelurahan into 27 in 2015; lists still write the old names. A
    /// former kelurahan keeps its name as written, and is the kelurahan it now lies in for
    /// matching and for the kecamatan a blank cell is given.
    @Test func aFormerKelurahanIsTheKelurahanItWasMergedInto() throws {
        #expect(Kelurahan.canonical("KEL. KERGON") == "Kergon")
        #expect(Kelurahan.canonical("kraton  kidul") == "Kraton Kidul")
        for (former, now) in [("Kergon", "Bendan Kergon"), ("Bendan", "Bendan Kergon"), ("Sapuro", "Sapuro Kebulen"),
                              ("Kebulen", "Sapuro Kebulen"), ("Kramatsari", "Pasirkratonkramat"), ("Landungsari", "Noyontaansari"),
                              ("Sugihwaras", "Kauman"), ("Krapyak Lor", "Krapyak"), ("Pabean", "Padukuhan Kraton"),
                              ("Kradenan", "Buaran Kradenan"), ("Banyurip Ageng", "Banyurip")] {
            #expect(Kelurahan.current(former) == now, "\(former)")
            #expect(Kelurahan.isCity(former) && Kelurahan.isCity(now), "\(former)")
            #expect(Kecamatan.containing(kelurahan: former) == Kecamatan.containing(kelurahan: now), "\(former)")
            #expect(AddressMatch.sameKelurahan(former.uppercased(), now), "\(former)")
        }
        #expect(Kelurahan.current("Medono") == "Medono" && Kelurahan.current("Wiradesa") == "Wiradesa")
        #expect(AddressMatch.sameKelurahan("Bendan", "Kergon"))
        #expect(!AddressMatch.sameKelurahan("Kergon", "Sapuro"))
        #expect(Kecamatan.containing(kelurahan: "Kergon")?.name == "Pekalongan Barat")
        #expect(Kecamatan.containing(kelurahan: "Pabean")?.name == "Pekalongan Utara")

        // The import keeps the name as the list writes it, and fills a blank kecamatan from it.
        let r = try ImportRecord.check(["Toko Satu", "", "", "", "Jl. A 1", "KEL. KERGON", "", "", "", "", ""],
                                       header: S.pemkotHeader, source: .pemkot).get()
        #expect(r.kelurahan == "Kergon" && r.kecamatan == "Pekalongan Barat" && r.kecamatanFromKelurahan)

        // Matching goes by the kelurahan of today.
        var existing = S.company(id: 4, name: "Batik Tulis Kenanga", address: "Jl. Kenanga No. 7", kelurahan: "Bendan Kergon")
        existing.kecamatan = "Pekalongan Barat"
        let lookup = ListLookup(companies: [4: (existing, .pemkot)])
        #expect(try MatchRules.match(S.pemkot("Batik Tulis Kenanga", address: "Jl. Melati 3", kelurahan: "Kergon"), in: lookup)
                == .possibleDuplicate(4, .sameNameSameKelurahan))
        #expect(try MatchRules.match(S.pemkot("Batik Tulis Kenanga", address: "Jl. Melati 3", kelurahan: "Sapuro"), in: lookup) == .none)
    }

    /// A name of emoji or symbols only is compared by its symbols: it pairs with itself, and
    /// with no other name.
    @Test func aNameOfSymbolsOnlyMatchesItself() throws {
        let emoji = String(repeating: "😀", count: 20)
        #expect(CompanyName.matchKey(emoji) == emoji)
        #expect(CompanyName.matchKey(" 😀  😀 ") == "😀 😀")
        #expect(CompanyName.matchKey("★ ★") == "★ ★")
        #expect(CompanyName.matchKey("🎉🎉") != CompanyName.matchKey("😀😀"))
        #expect(CompanyName.matchKey("") == "")
        let row = S.pemkot(emoji, workers: "6")
        var company = row.newCompany()
        company.id = 9
        let lookup = ListLookup(companies: [9: (company, .pemkot)])
        #expect(try MatchRules.match(row, in: lookup) == .sameRecord(9))
        #expect(try MatchRules.match(S.pemkot(emoji, workers: "7"), in: lookup) == .possibleDuplicate(9, .sameNameSameKelurahan))
        #expect(try MatchRules.match(S.pemkot("😀", workers: "7"), in: lookup) == .none)
    }

    /// The city's row for a company its list brought in, a value changed, after a person kept
    /// that company apart from another of the same name: paired with its own list's company,
    /// never again with the one the person said it is not.
    @Test func ofSeveralCandidatesTheBestIsPairedAndNeverOneKeptApartFromTheRowsCompany() throws {
        var city = S.pemkot("CV. Tailor Rahayu Putri", address: "Jl. Seruni 59", kelurahan: "Yosorejo", workers: "6").newCompany()
        city.id = 5003
        let demo = S.company(id: 15, name: "Tailor Rahayu Putri", address: "Jl. Seruni No. 59", kelurahan: "Yosorejo", estimated: 18)
        let row = S.pemkot("CV. Tailor Rahayu Putri", address: "Jl. Seruni 59", kelurahan: "Yosorejo", workers: "7")
        var lookup = ListLookup(companies: [15: (demo, nil), 5003: (city, .pemkot)], keptApart: [(15, 5003)])
        #expect(try MatchRules.match(row, in: lookup) == .possibleDuplicate(5003, .sameNameSameKelurahan))
        // Not kept apart, the row's own list's company still goes first at the same address.
        lookup.keptApart = []
        #expect(try MatchRules.match(row, in: lookup) == .possibleDuplicate(5003, .sameNameSameKelurahan))

        // The same address goes before a similar one, whichever list: the other list's company at
        // the row's address is paired, ...
        var moved = S.pemkot("Tailor Rahayu Putri", address: "Jl. Seruni Indah Raya 59 A", kelurahan: "Medono").newCompany()
        moved.id = 5003
        let there = S.company(id: 15, name: "Tailor Rahayu Putri", address: "Jalan Seruni Indah Raya No. 59", kelurahan: "Duwet")
        let again = S.pemkot("Tailor Rahayu Putri", address: "Jl. Seruni Indah Raya 59", kelurahan: "Kauman")
        lookup = ListLookup(companies: [15: (there, .bpjs), 5003: (moved, .pemkot)])
        #expect(try MatchRules.match(again, in: lookup) == .possibleDuplicate(15, .sameNameSimilarAddress))
        // ... unless a person kept it apart from the company the row's own list brought in.
        lookup.keptApart = [(5003, 15)]
        #expect(try MatchRules.match(again, in: lookup) == .possibleDuplicate(5003, .sameNameSimilarAddress))

        // The same kelurahan goes before another; then the row's own list; then more of the row's
        // values; then the older company.
        let a = S.company(id: 1, name: "Batik Sekar Jaya", address: "Jl. Seruni No. 4", kelurahan: "Medono")
        let b = S.company(id: 2, name: "Batik Sekar Jaya", address: "Jl. Seruni No. 4", kelurahan: "Kauman")
        let c = S.company(id: 3, name: "Batik Sekar Jaya", address: "Jl. Seruni No. 4", kelurahan: "Kauman", estimated: 30)
        let seruni = S.pemkot("Batik Sekar Jaya", address: "Jl. Seruni 4", kelurahan: "Kauman", workers: "30")
        #expect(try MatchRules.match(seruni, in: ListLookup(companies: [1: (a, .pemkot), 2: (b, .bpjs)])) == .possibleDuplicate(2, .sameNameSameKelurahan))
        #expect(try MatchRules.match(seruni, in: ListLookup(companies: [2: (b, .bpjs), 3: (c, .pemkot)])) == .possibleDuplicate(3, .sameNameSameKelurahan))
        #expect(try MatchRules.match(seruni, in: ListLookup(companies: [2: (b, .pemkot), 3: (c, .pemkot)])) == .possibleDuplicate(3, .sameNameSameKelurahan))
        #expect(try MatchRules.match(seruni, in: ListLookup(companies: [2: (b, .pemkot), 3: (c, .bpjs)])) == .possibleDuplicate(2, .sameNameSameKelurahan))
        var c2 = b
        c2.id = 7
        #expect(try MatchRules.match(seruni, in: ListLookup(companies: [7: (c2, .bpjs), 2: (b, .bpjs)])) == .possibleDuplicate(2, .sameNameSameKelurahan))
    }

    /// A file that gives one company different values on different rows, as an OSS list gives one
    /// row per KBLI code: the later row contradicts the earlier; a row that repeats the earlier,
    /// or gives what the earlier left blank, does not.
    @Test func aLaterRowOfTheSameCompanyContradictsOnlyWhatAnEarlierOneGave() throws {
        let h = ImportLayout.match(header: ["Nama Usaha", "NIB", "Alamat", "Kelurahan", "Kecamatan", "KBLI", "Jumlah Tenaga Kerja", "NPWP"],
                                   source: .pemkot)
        func row(_ kbli: String, npwp: String = "") throws -> ImportRecord {
            try ImportRecord.check(["Batik Oss", "9120841861455", "Jl. A 1", "Kauman", "Pekalongan Timur", kbli, "5", npwp],
                                   header: h, source: .pemkot).get()
        }
        // A company the file added: every value it holds came from the earlier row.
        let first = try row("13134")
        var added = first.newCompany()
        added.id = 1
        let sources = MergeRules.newCompany(first).sources
        #expect(MergeRules.contradicts(try row("46491"), earlier: nil, company: added, sources: sources))
        #expect(!MergeRules.contradicts(try row("13134"), earlier: nil, company: added, sources: sources))
        #expect(!MergeRules.contradicts(try row("13134", npwp: S.npwp.digits), earlier: nil, company: added, sources: sources))
        // A company from before the file: what the earlier rows gave is what their list recorded,
        // else the company's value; a field they left blank is not theirs.
        var before = added
        before.sector = Sector.forCode("46491")
        let plan = MergeRules.merge(first, into: before, origin: .pemkot, sources: sources)
        let given = Set(CompanyField.allCases.filter { first.value($0) != nil })
        #expect(MergeRules.contradicts(try row("46491"), earlier: given, company: plan.company, sources: sources + plan.sources))
        #expect(!MergeRules.contradicts(try row("13134"), earlier: given, company: plan.company, sources: sources + plan.sources))
        #expect(!MergeRules.contradicts(try row("46491"), earlier: given.subtracting([.kbli]), company: plan.company,
                                        sources: sources + plan.sources))
    }
}
