import KawalDomain
import Testing

/// The possible-duplicate rule (matching rule 4) on the places, names and decisions the two
/// lists bring: BPJAMSOSTEK's addresses that end with the place, the city's former kelurahan,
/// names of symbols only, and several companies of one name.
@Suite struct PairingRuleTests {
    typealias S = IntakeSample

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
}
