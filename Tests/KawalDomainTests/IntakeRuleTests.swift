import KawalDomain
import Testing

/// A lookup over a plain list, so the matching rules are tested without a store.
struct ListLookup: CompanyLookup {
    var companies: [Int64: (Company, DataSource?)]
    /// Pairs of companies a person kept apart.
    var keptApart: [(Int64, Int64)] = []

    func company(npwp: String) throws -> Int64? { companies.values.first { $0.0.npwp?.digits == npwp }?.0.id }
    func company(nib: String) throws -> Int64? { companies.values.first { $0.0.nib?.digits == nib }?.0.id }
    func company(npp: String) throws -> Int64? { companies.values.first { $0.0.npp?.digits == npp }?.0.id }
    func companies(nameKey: String, kelurahan: String) throws -> [MatchCandidate] {
        companies.values.filter { CompanyName.matchKey($0.0.name) == nameKey }
            .sorted { $0.0.id < $1.0.id }
            .map { c in
                let id = c.0.id
                let apart = keptApart.compactMap { $0.0 == id ? $0.1 : $0.1 == id ? $0.0 : nil }
                return MatchCandidate(company: c.0, origin: c.1, keptApartFrom: Set(apart))
            }
    }
}

enum IntakeSample {
    static let npwp = NPWP.make(prefix8: "01234567", tail6: "511000")
    static let otherNPWP = NPWP.make(prefix8: "76543210", tail6: "511000")

    static func company(
        id: Int64, name: String, npwp: NPWP? = nil, nib: String? = nil, npp: String? = nil, address: String = "Jl. Seruni No. 4",
        kelurahan: String = "Kauman", estimated: Int = 12, registered: Int = 0, status: ComplianceStatus = .pwbd
    ) -> Company {
        Company(
            id: id, name: name, legalForm: .cv, npwp: npwp, nib: nib.flatMap { try? NIB($0) }, npp: npp.flatMap { try? NPP($0) },
            sector: Sector.forCode("13134"), address: address, kelurahan: kelurahan, kecamatan: "Pekalongan Timur",
            phone: "", owner: "", estimatedWorkers: estimated, registeredWorkers: registered, scale: .forWorkers(estimated),
            status: status)
    }

    static let pemkotHeader = ImportLayout.match(
        header: ["Nama Usaha", "Bentuk Usaha", "NIB", "NPWP", "Alamat", "Kelurahan", "Kecamatan", "KBLI", "Jumlah Tenaga Kerja", "Telepon", "Pemilik"],
        source: .pemkot)
    static let bpjsHeader = ImportLayout.match(
        header: ["NPP", "Nama Perusahaan", "NPWP", "Alamat", "Kecamatan", "Status Kepesertaan", "TK Terdaftar", "TK Potensi"],
        source: .bpjs)

    static func pemkot(_ name: String, form: String = "CV", nib: String = "", npwp: String = "", address: String = "Jl. Seruni No. 4",
                       kelurahan: String = "Kauman", workers: String = "12") -> ImportRecord {
        let cells = [name, form, nib, npwp, address, kelurahan, "Pekalongan Timur", "13134", workers, "", ""]
        return try! ImportRecord.check(cells, header: pemkotHeader, source: .pemkot).get()
    }

    static func bpjs(_ name: String, npp: String = "", npwp: String = "", address: String = "Jl. Seruni No. 4", status: String = "PWBD",
                     registered: String = "0", potential: String = "12") -> ImportRecord {
        let cells = [npp, name, npwp, address, "Pekalongan Timur", status, registered, potential]
        return try! ImportRecord.check(cells, header: bpjsHeader, source: .bpjs).get()
    }
}

@Suite struct NameAndAddressTests {
    @Test func normalisedNameIgnoresLegalFormCasePunctuationAndDoubledSpaces() {
        let key = CompanyName.matchKey("Batik Sekar Jaya")
        #expect(key == "batik sekar jaya")
        for variant in ["CV. Batik  Sekar Jaya", "cv batik sekar jaya", "P.T. Batik Sekar Jaya", "BATIK SEKAR JAYA, PT",
                        "Batik Sekar-Jaya", "  Batik Sekar Jaya  ", "Bâtik Sékar Jaya"] {
            #expect(CompanyName.matchKey(variant) == key, "\(variant)")
        }
        #expect(CompanyName.matchKey("Batik Sekar Jaya Abadi") != key)
        #expect(CompanyName.matchKey("🎉🎉") == "🎉🎉")
        // A name that is only a legal-form word keeps it rather than becoming empty.
        #expect(CompanyName.matchKey("Koperasi") == "koperasi")
    }

    @Test func legalFormIsSplitOffTheName() {
        #expect(CompanyName.splitLegalForm("CV. Batik Sekar Jaya") == (.cv, "Batik Sekar Jaya"))
        #expect(CompanyName.splitLegalForm("PT Maju") == (.pt, "Maju"))
        #expect(CompanyName.splitLegalForm("Ptolemy Bakery") == (nil, "Ptolemy Bakery"))
        #expect(CompanyName.splitLegalForm("CV") == (nil, "CV"))
        // From a row: split off when the form column agrees or says nothing, never when it says
        // another form, which would lose a word of the name.
        #expect(IntakeSample.pemkot("CV. Batik Sekar Jaya").name == "Batik Sekar Jaya")
        #expect(IntakeSample.pemkot("CV. Batik Sekar Jaya", form: "").legalForm == .cv)
        let koperasi = IntakeSample.pemkot("Koperasi Pengrajin Batik", form: "Perorangan")
        #expect(koperasi.name == "Koperasi Pengrajin Batik" && koperasi.legalForm == .perorangan)
        #expect(IntakeSample.pemkot("PT. Maju", form: "CV").name == "PT. Maju")
        #expect(IntakeSample.pemkot("Koperasi Pengrajin Batik", form: "Koperasi").name == "Pengrajin Batik")
    }

    /// Tax and BPJAMSOSTEK lists often write the form after the name.
    @Test func aLegalFormAfterTheNameIsSplitOffToo() {
        #expect(CompanyName.splitLegalForm("BATIK SEKAR JAYA, CV") == (.cv, "BATIK SEKAR JAYA"))
        #expect(CompanyName.splitLegalForm("Batik Sekar Jaya, cv.") == (.cv, "Batik Sekar Jaya"))
        #expect(CompanyName.splitLegalForm("Batik Sekar Jaya,PT") == (.pt, "Batik Sekar Jaya"))
        #expect(CompanyName.splitLegalForm("Maju Jaya (P.T.)") == (.pt, "Maju Jaya"))
        #expect(CompanyName.splitLegalForm("MAJU JAYA PT") == (.pt, "MAJU JAYA"))
        #expect(CompanyName.splitLegalForm("SINAR ABADI UD ") == (.ud, "SINAR ABADI"))
        #expect(CompanyName.splitLegalForm("UNILEVER INDONESIA TBK, PT") == (.pt, "UNILEVER INDONESIA TBK"))
        #expect(CompanyName.splitLegalForm("UNILEVER INDONESIA TBK") == (.pt, "UNILEVER INDONESIA TBK"))
        // A bare last word in small letters is part of the name; so is a form with nothing before it.
        #expect(CompanyName.splitLegalForm("Toko Sinar Pt") == (nil, "Toko Sinar Pt"))
        #expect(CompanyName.splitLegalForm(", CV") == (nil, ", CV"))
        #expect(CompanyName.splitLegalForm("Batik Ud") == (nil, "Batik Ud"))
        #expect(CompanyName.splitLegalForm("Soto Kudus") == (nil, "Soto Kudus"))
        #expect(CompanyName.splitLegalForm("Toko (Cabang 2)") == (nil, "Toko (Cabang 2)"))
        // A form before the name wins; one after it then stays in the name.
        #expect(CompanyName.splitLegalForm("PT Maju, CV") == (.pt, "Maju, CV"))
        let row = IntakeSample.bpjs("BATIK SEKAR JAYA, CV", npp: "12345678")
        #expect(row.legalForm == .cv && row.name == "BATIK SEKAR JAYA")
        #expect(row.newCompany().displayName == "CV BATIK SEKAR JAYA")
        #expect(CompanyName.matchKey("BATIK SEKAR JAYA, CV") == CompanyName.matchKey("CV. Batik Sekar Jaya"))
    }

    /// The legal form as the licensing office and OSS write it, not only as its code.
    @Test(arguments: [
        ("PT", LegalForm.pt), ("P.T.", .pt), ("Perseroan Terbatas", .pt), ("Perseroan Terbatas (PT)", .pt), ("PT Perorangan", .pt),
        ("Perseroan Perorangan", .pt), ("PT (Persero)", .pt), ("PT Tbk", .pt),
        ("cv", .cv), ("Persekutuan Komanditer", .cv), ("Persekutuan Komanditer (CV)", .cv), ("Perseroan Komanditer", .cv),
        ("Usaha Dagang", .ud), ("U.D.", .ud),
        ("Kop.", .koperasi), ("Koperasi Simpan Pinjam", .koperasi), ("KSP", .koperasi), ("Koperasi Serba Usaha", .koperasi),
        ("Perseorangan", .perorangan), ("Usaha Perseorangan", .perorangan), ("", .perorangan),
        ("Perum", .perum), ("Perusahaan Umum", .perum), ("Perumda", .perumda), ("Perusahaan Umum Daerah", .perumda),
        ("PD", .perumda), ("Perusahaan Daerah", .perumda), ("Perseroda", .pt), ("BUMDes", .bumdes),
        ("Badan Usaha Milik Desa", .bumdes), ("Persekutuan Perdata", .persekutuanPerdata), ("Maatschap", .persekutuanPerdata),
    ])
    func legalFormsAsListsWriteThem(text: String, form: LegalForm) {
        #expect(LegalForm(text: text) == form)
    }

    @Test(arguments: ["Pabrik", "PT CV", "BUMN", "Swasta"])
    func otherLegalFormsAreNotGuessed(text: String) {
        #expect(LegalForm(text: text) == nil)
    }

    /// A company a list brought in stands, in the duplicate review, for the row that brought it:
    /// the values that list gave and no defaults, a legal form its name carried included.
    @Test(arguments: [
        IntakeSample.bpjs("CV Garmen Mulya", npp: "12345678", status: "PDS-TK", registered: "100", potential: "260"),
        IntakeSample.bpjs("Garmen Mulya", npp: "12345678"),
        IntakeSample.pemkot("Batik Sekar Jaya", form: "PT", nib: "1234567890123", npwp: IntakeSample.npwp.digits),
        IntakeSample.pemkot("Batik Sekar Jaya", form: "", workers: ""),
    ])
    func aCompanyStandsForTheRowThatBroughtItIn(row: ImportRecord) {
        let origin = row.source.dataSource
        #expect(MergeRules.record(standingFor: row.newCompany(), origin: origin) == row)
    }

    /// A partnership and a foundation employ workers too: their rows are imported, and a
    /// foundation's name, which begins with the form, is not given it twice.
    @Test func firmaAndYayasanAreKnownForms() {
        #expect(LegalForm(text: "Firma") == .firma)
        #expect(LegalForm(text: "Fa.") == .firma)
        #expect(LegalForm(text: "Persekutuan Firma") == .firma)
        #expect(LegalForm(text: "YAYASAN") == .yayasan)
        #expect(LegalForm.yayasan.displayName("Yayasan Pendidikan Al Hikmah") == "Yayasan Pendidikan Al Hikmah")
        #expect(LegalForm.yayasan.displayName("Al Hikmah") == "Yayasan Al Hikmah")
        #expect(LegalForm.firma.displayName("Sinar Jaya") == "Firma Sinar Jaya")
        #expect(LegalForm.pt.displayName("Batik Sekar") == "PT Batik Sekar")
        #expect(LegalForm.perorangan.displayName("Warung Bu Tini") == "Warung Bu Tini")
        #expect(CompanyName.splitLegalForm("Fa. Sinar Jaya") == (.firma, "Sinar Jaya"))
        #expect(CompanyName.splitLegalForm("Firmansyah Bakery") == (nil, "Firmansyah Bakery"))
        let row = IntakeSample.pemkot("Yayasan Pendidikan Al Hikmah", form: "Yayasan")
        #expect(row.legalForm == .yayasan && row.name == "Yayasan Pendidikan Al Hikmah")
        #expect(row.newCompany().displayName == "Yayasan Pendidikan Al Hikmah")
    }

    /// Places as the two lists write them end up spelled one way, so that filters, sorting and
    /// the sources agree; a place outside the city is kept as written.
    @Test func placesAreSpelledTheCitysWay() {
        for written in ["Pekalongan Timur", "PEKALONGAN TIMUR", "Kec. Pekalongan Timur", "kecamatan pekalongan timur",
                        " Pekalongan  Timur", "Pek. Timur", "Timur", "PekalonganTimur", "Pekalongan-Timur"] {
            #expect(Kecamatan.canonical(written) == "Pekalongan Timur", "\(written)")
        }
        for kept in ["Batang", "Kedungwuni", "Pekalongan", "Timur Laut", "Kec.", "Barat Daya"] {
            #expect(Kecamatan.canonical(kept) == kept)
        }
        for written in ["Panjang Wetan", "PANJANG WETAN", "Panjangwetan", "Kel. Panjang Wetan", "kelurahan panjang-wetan", "Desa Panjang Wetan"] {
            #expect(Kelurahan.canonical(written) == "Panjang Wetan", "\(written)")
        }
        #expect(Kelurahan.canonical("kauman") == "Kauman")
        for kept in ["Wiradesa", "Kergon", "Panjang", "Kel."] {
            #expect(Kelurahan.canonical(kept) == kept)
        }
    }

    /// Matched by its NIB, a row that gives another NPWP is one to check, not to merge; by its
    /// NPP, another NPWP or NIB. A row matched by NPWP, or adding an NPWP the company lacked, is not.
    @Test func aStrongerIdentifierThatDiffersIsFound() {
        let c = IntakeSample.company(id: 7, name: "Batik Sekar", npwp: IntakeSample.npwp, nib: "1234567890123")
        var r = ImportRecord(source: .pemkot, name: "Batik Sekar")
        r.npwp = IntakeSample.otherNPWP
        r.nib = try? NIB("1234567890123")
        let d = MatchRules.differingIdentifier(r, company: c, match: .sameNIB(7))
        #expect(d == IdentifierDiffers(field: .npwp, value: IntakeSample.otherNPWP.formatted, companyValue: IntakeSample.npwp.formatted,
                                       matchedID: 7, matchedBy: .nib, matchedName: "Batik Sekar"))
        #expect(MatchRules.differingIdentifier(r, company: c, match: .sameNPWP(7)) == nil)
        var noNPWP = c
        noNPWP.npwp = nil
        #expect(MatchRules.differingIdentifier(r, company: noNPWP, match: .sameNIB(7)) == nil)
        var byNPP = ImportRecord(source: .bpjs, name: "Batik Sekar")
        byNPP.nib = try? NIB("9999999999999")
        #expect(MatchRules.differingIdentifier(byNPP, company: c, match: .sameNPP(7))?.field == .nib)
        #expect(MatchRules.differingIdentifier(byNPP, company: c, match: .sameNIB(7)) == nil)
    }

    @Test func aSignatureBlockSaysWhatItIs() {
        for line in ["Mengetahui,", "MENYETUJUI", "a.n. Kepala Dinas", "Kepala Dinas Perindustrian dan Tenaga Kerja", "Plt. Kepala Bidang",
                     "NIP. 19700101 199003 1 001", "NIP 197001011990031001", "Pekalongan, 27 November 2026", "Pekalongan,  1 Desember 2026"] {
            #expect(ImportLayout.isSignatureLine(line), "\(line)")
        }
        for name in ["Toko Kepala Batik", "Kepala", "Batik Mengetahui Jaya", "Pekalongan Batik Center", "Nipah Jaya", "NIP 123",
                     "Anugerah Jaya", "Pekalongan, Jl. A 1"] {
            #expect(!ImportLayout.isSignatureLine(name), "\(name)")
        }
    }

    @Test func aColumnGivenTwiceIsReadOnceAndSaidApart() {
        let h = ImportLayout.match(header: ["Nama Usaha", "Alamat Perusahaan", "Kelurahan", "Kecamatan", "Alamat Usaha", "Catatan"], source: .pemkot)
        #expect(h.positions[.address] == 1)
        #expect(h.unknown == ["Catatan"])
        #expect(h.repeated == ["Alamat Usaha"])
    }

    /// A UMKM list gives the owner under Nama and the business under Nama Usaha, the home under
    /// Alamat and the shop under Alamat Usaha; an account list a Status beside the membership's.
    /// The narrower name is read wherever it stands.
    @Test func theNarrowerOfTwoNamesForAColumnIsRead() {
        let h = ImportLayout.match(header: ["No", "Nama", "NIK", "Nama Usaha", "Alamat", "Alamat Usaha", "Kelurahan", "Kecamatan"], source: .pemkot)
        #expect(h.positions[.name] == 3)
        #expect(h.positions[.address] == 5)
        #expect(h.repeated == ["Nama", "Alamat"])
        let b = ImportLayout.match(header: ["NPP", "Nama Perusahaan", "Status", "Alamat", "Status Kepesertaan"], source: .bpjs)
        #expect(b.positions[.status] == 4)
        // Narrower first, general after: still the narrower.
        let c = ImportLayout.match(header: ["Nama Usaha", "Nama", "Kelurahan"], source: .pemkot)
        #expect(c.positions[.name] == 0)
        #expect(c.repeated == ["Nama"])
    }

    /// Every documented name finds its own column, so no two columns share one; and a header
    /// as an OSS export or a hand-made sheet writes it is read whole.
    @Test func everyHeaderNameFindsItsColumn() {
        for field in CompanyField.allCases {
            for alias in ImportLayout.aliases(field) {
                #expect(ImportLayout.field(forHeader: alias) == field, "\(alias)")
            }
        }
        let header = ImportLayout.match(
            header: ["No.", "Nama Pelaku Usaha", "Jenis Badan Usaha", "Nomor NIB", "Alamat Lengkap", "Kelurahan/Desa", "Kec.", "KBLI 2020",
                     "Jml TK", "No. Telp", "Nama Pimpinan"],
            source: .pemkot)
        #expect(header.missing.isEmpty && header.unknown == ["No."])
        #expect(header.positions[.owner] == 10 && header.positions[.estimatedWorkers] == 8 && header.positions[.phone] == 9)
    }

    @Test func aTotalsRowIsNoCompany() {
        let h = IntakeSample.pemkotHeader
        func row(_ name: String, npwp: String = "", address: String = "", workers: String = "28") -> [String] {
            [name, "", "", npwp, address, "", "", "", workers, "", ""]
        }
        for label in ["JUMLAH", "Jumlah :", "TOTAL", "Grand Total", "Sub-Total", "Jml.", "JUMLAH KESELURUHAN"] {
            #expect(h.isTotals(row(label)), "\(label)")
        }
        #expect(!h.isTotals(row("Toko Jumlah Jaya")))
        #expect(!h.isTotals(row("Batik Total")))
        #expect(!h.isTotals(row("JUMLAH", npwp: IntakeSample.npwp.digits)))
        #expect(!h.isTotals(row("Total", address: "Jl. Seruni 4")))
        #expect(!h.isTotals(row("")))
        // The label under another column, the name left blank.
        #expect(h.isTotals(row("") + ["TOTAL"]))
        #expect(!IntakeSample.bpjsHeader.isTotals(["12345678", "Total", "", "", "", "PWBD", "0", "5"]))
    }

    /// A list grouped by place has a heading row for each group; it is no company. A company
    /// whose name starts like one, or a heading row that gives anything else, is a row to check.
    @Test func aSectionHeadingIsNoCompany() {
        let h = IntakeSample.pemkotHeader
        func row(_ name: String, address: String = "") -> [String] { [name, "", "", "", address, "", "", "", "", "", ""] }
        for heading in ["KECAMATAN PEKALONGAN BARAT", "A. Kecamatan Pekalongan Utara", "II. KEC. PEKALONGAN TIMUR", "Kelurahan Kauman",
                        "3. KEL. PANJANG WETAN", "Desa Degayu", "Kec. Selatan"] {
            #expect(h.isSectionHeading(row(heading)), "\(heading)")
        }
        for name in ["Kel. Tani Makmur", "Kecamatan Batang", "Pekalongan Barat", "Toko Kauman", "Kelurahan"] {
            #expect(!h.isSectionHeading(row(name)), "\(name)")
        }
        #expect(!h.isSectionHeading(row("KECAMATAN PEKALONGAN BARAT", address: "Jl. Seruni 4")))
    }

    /// Sheets say "none" in many ways; an identifier of zeros is one of them, and must never be
    /// taken for a real one (every company written with it would be the same company).
    @Test func aCellThatSaysNoneIsNotGiven() throws {
        let h = IntakeSample.pemkotHeader
        let row = try ImportRecord.check(["Toko Satu", "-", "0", "00.000.000.0-000.000", "Jl. A 1", "Kergon", "Pekalongan Barat", "00000",
                                          "n/a", "Tidak ada", "—"], header: h, source: .pemkot).get()
        #expect(row.legalForm == nil && row.nib == nil && row.npwp == nil && row.kbli == nil)
        #expect(row.estimatedWorkers == nil && row.phone == nil && row.owner == nil)
        let bpjs = try ImportRecord.check(["00000000", "Toko Satu", "000000000000000", "Jl. A 1", "Pekalongan Barat", "PWBD", "0", "3"],
                                          header: IntakeSample.bpjsHeader, source: .bpjs).get()
        #expect(bpjs.npp == nil && bpjs.npwp == nil && bpjs.registeredWorkers == 0)
        // `NA` is a status BPJAMSOSTEK writes (non-active), refused as an unknown one, not read as empty.
        #expect(throws: RowProblem.unknownStatus("NA")) {
            try ImportRecord.check(["12345678", "Toko Satu", "", "Jl. A 1", "Pekalongan Barat", "NA", "0", "3"],
                                   header: IntakeSample.bpjsHeader, source: .bpjs).get()
        }
        // A real value that happens to contain such words or zeros is a value.
        let real = try ImportRecord.check(["Tidak Ada Nama", "", "", IntakeSample.npwp.formatted, "Jl. A 1", "Kergon", "Pekalongan Barat", "",
                                           "0", "", ""], header: h, source: .pemkot).get()
        #expect(real.name == "Tidak Ada Nama" && real.npwp == IntakeSample.npwp && real.estimatedWorkers == 0)
        // A filler typed into an identifier column is no identifier either: one digit throughout.
        // A real one that repeats a digit is one.
        let filler = try ImportRecord.check(["Toko Satu", "", "9999999999999", "99.999.999.9-999.999", "Jl. A 1", "Kergon",
                                             "Pekalongan Barat", "", "", "", ""], header: h, source: .pemkot).get()
        #expect(filler.nib == nil && filler.npwp == nil)
        let bpjsFiller = try ImportRecord.check(["11111111", "Toko Satu", "", "Jl. A 1", "Pekalongan Barat", "PWBD", "0", "3"],
                                                header: IntakeSample.bpjsHeader, source: .bpjs).get()
        #expect(bpjsFiller.npp == nil)
        let issued = try ImportRecord.check(["Toko Satu", "", "9120999999999", "", "Jl. A 1", "Kergon", "Pekalongan Barat", "", "", "", ""],
                                            header: h, source: .pemkot).get()
        #expect(issued.nib?.digits == "9120999999999")
        #expect(try ImportRecord.check(["11111112", "Toko Satu", "", "Jl. A 1", "Pekalongan Barat", "PWBD", "0", "3"],
                                       header: IntakeSample.bpjsHeader, source: .bpjs).get().npp?.digits == "11111112")
        // A dash for a name is no name.
        #expect(throws: RowProblem.missingValue(.name)) {
            try ImportRecord.check(["-", "", "", "", "Jl. A 1", "Kergon", "Pekalongan Barat", "", "", "", ""], header: h, source: .pemkot).get()
        }
    }

    /// Excel writes a merged heading over three columns as the heading and two blank cells; the
    /// row below names the parts. Read as one heading row, the count would be the men's alone.
    @Test func aSecondHeadingRowSplitsTheWorkerCount() throws {
        let heading = ["No", "Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "Jumlah Tenaga Kerja", "", "", "Telepon"]
        let h = ImportLayout.match(header: heading, source: .pemkot)
        func row(_ cells: [String]) throws -> ImportRecord {
            try ImportRecord.check(["1", "Toko Satu", "Jl. A 1", "Kergon", "Pekalongan Barat"] + cells, header: h, source: .pemkot).get()
        }
        // With a total among the parts, the total is read.
        let total = try #require(h.readingSubHeadings(["", "", "", "", "", "L", "P", "Jumlah", ""], under: heading))
        #expect(total.positions[.estimatedWorkers] == 7 && total.parts.isEmpty)
        #expect(total.splits == [.init(heading: "Jumlah Tenaga Kerja", read: ["Jumlah"])])
        #expect(try ImportRecord.check(["1", "Toko Satu", "Jl. A 1", "Kergon", "Pekalongan Barat", "3", "4", "7", ""], header: total,
                                       source: .pemkot).get().estimatedWorkers == 7)
        // Without one, the parts are summed; a blank part adds nothing, a bad one refuses the row.
        let parts = try #require(h.readingSubHeadings(["", "", "", "", "", "Laki-laki", "Perempuan", "", ""], under: heading))
        #expect(parts.parts[.estimatedWorkers] == [5, 6] && parts.splits.first?.summed == true)
        func summed(_ l: String, _ p: String) -> Result<ImportRecord, RowProblem> {
            ImportRecord.check(["1", "Toko Satu", "Jl. A 1", "Kergon", "Pekalongan Barat", l, p, "", ""], header: parts, source: .pemkot)
        }
        #expect(try summed("3", "4").get().estimatedWorkers == 7)
        #expect(try summed("", "4").get().estimatedWorkers == 4)
        #expect(try summed("-", "").get().estimatedWorkers == nil)
        #expect(throws: RowProblem.badNumber(.estimatedWorkers, "empat")) { try summed("3", "empat").get() }
        // The header as it was reads the first part.
        #expect(try row(["3", "4", "7", ""]).estimatedWorkers == 3)
        // Not a second heading row: a company's row, a totals row, a part outside a worker
        // column, a word that is not a part, a blank row.
        #expect(h.readingSubHeadings(["1", "Toko Satu", "", "", "", "L", "P", "Jumlah", ""], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "JUMLAH", "", "", "", "30", "28", "58", ""], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "", "", "", "", "30", "28", "58", ""], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "", "L", "", "", "L", "P", "Jumlah", ""], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "", "", "", "", "L", "P", "Jumlah", "HP"], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "", "", "", "", "Tetap", "Lainnya", "", ""], under: heading) == nil)
        #expect(h.readingSubHeadings(["", "", "", "", "", "", "", "", ""], under: heading) == nil)
    }

    /// An OSS export gives the worker count in parts, each a column of its own, and no column
    /// with the count itself: the count is their sum. With a total among them, the total.
    @Test func workerCountsInColumnsOfTheirOwnAreSummed() throws {
        let heading = ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "Jumlah TKI Laki-laki", "Jumlah TKI Perempuan",
                       "Jumlah TKA Laki-laki", "Jumlah TKA Perempuan", "Keterangan"]
        let h = ImportLayout.match(header: heading, source: .pemkot)
        #expect(h.positions[.estimatedWorkers] == 4 && h.parts[.estimatedWorkers] == [4, 5, 6, 7])
        #expect(h.summedColumns == Array(heading[4...7]) && h.unknown == ["Keterangan"])
        func workers(_ cells: [String], _ header: ImportLayout.Header) throws -> Int? {
            try ImportRecord.check(["Toko Satu", "Jl. A 1", "Kergon", "Pekalongan Barat"] + cells, header: header, source: .pemkot).get()
                .estimatedWorkers
        }
        #expect(try workers(["10", "12", "1", "", ""], h) == 23)
        #expect(h.isRepeated(by: heading))
        // Other ways of naming the parts.
        for names in [["TK Laki-laki", "TK Perempuan"], ["Tenaga Kerja Indonesia Laki-Laki (Orang)", "Tenaga Kerja Asing Perempuan (Orang)"],
                      ["TKI", "TKA"], ["Jumlah Karyawan Tetap", "Jumlah Karyawan Kontrak"], ["Jml TK L", "Jml TK P"]] {
            let two = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan"] + names, source: .pemkot)
            #expect(two.parts[.estimatedWorkers] == [4, 5], "\(names)")
            #expect(try workers(["3", "4"], two) == 7, "\(names)")
        }
        // A total among them is the count; the parts beside it are not added to it.
        let total = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "TK L", "TK P", "TK Total"], source: .pemkot)
        #expect(total.positions[.estimatedWorkers] == 6 && total.parts.isEmpty && total.summedColumns == ["TK Total"])
        #expect(try workers(["3", "4", "7"], total) == 7)
        // A count column, when there is one, is read as before; a single part is no count;
        // registered workers split in parts are not potential ones.
        let given = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "Jumlah TK", "TK L", "TK P"], source: .pemkot)
        #expect(given.positions[.estimatedWorkers] == 4 && given.parts.isEmpty && given.summedColumns.isEmpty)
        let one = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "TK Laki-laki", "Catatan"], source: .pemkot)
        #expect(one.positions[.estimatedWorkers] == nil && one.unknown == ["TK Laki-laki", "Catatan"])
        let registered = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "TK Terdaftar L", "TK Terdaftar P",
                                                     "TK Lainnya", "Tenaga Kerja"], source: .pemkot)
        #expect(registered.positions[.estimatedWorkers] == 7 && registered.summedColumns.isEmpty)
        let none = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "TK Terdaftar L", "TK Terdaftar P"],
                                      source: .pemkot)
        #expect(none.positions[.estimatedWorkers] == nil && none.unknown.count == 2)
    }

    /// City lists often give the neighbourhood in columns of its own. It belongs to the address,
    /// where an officer looking for the place reads it; the columns are not unknown ones.
    @Test func rtAndRWColumnsAreAddedToTheAddress() throws {
        let heading = ["Nama Usaha", "Alamat", "RT", "R.W.", "Kelurahan", "Kecamatan", "Keterangan"]
        let h = ImportLayout.match(header: heading, source: .pemkot)
        #expect(h.neighbourhood == [.rt: 2, .rw: 3] && h.neighbourhoodColumns == ["RT", "R.W."] && h.unknown == ["Keterangan"])
        func address(_ street: String, _ rt: String, _ rw: String) throws -> String? {
            try ImportRecord.check(["Toko Satu", street, rt, rw, "Kauman", "Pekalongan Timur", ""], header: h, source: .pemkot).get().address
        }
        #expect(try address("Jl. Seruni 4", "2", "3") == "Jl. Seruni 4 RT 2/RW 3")
        #expect(try address("Jl. Seruni 4", "RT. 002", "-") == "Jl. Seruni 4 RT 002")
        #expect(try address("Jl. Seruni 4", "", "rw 7") == "Jl. Seruni 4 RW 7")
        #expect(try address("Jl. Seruni 4", "0", "000") == "Jl. Seruni 4")
        #expect(try address("Jl. Seruni 4 RT 01/RW 02", "1", "2") == "Jl. Seruni 4 RT 01/RW 02")
        #expect(try address("Jl. Seruni 4 RT01", "1", "2") == "Jl. Seruni 4 RT01")
        #expect(try address("", "4", "5") == "RT 4/RW 5")
        #expect(throws: RowProblem.controlCharacters(.address)) { try address("Jl. Seruni 4", "2\u{1B}", "3") }
        // One column for both.
        let both = ImportLayout.match(header: ["Nama Usaha", "Alamat", "RT/RW", "Kelurahan", "Kecamatan"], source: .pemkot)
        #expect(both.neighbourhood == [.both: 2])
        func combined(_ cell: String) throws -> String? {
            try ImportRecord.check(["Toko Satu", "Jl. Seruni 4", cell, "Kauman", "Pekalongan Timur"], header: both, source: .pemkot).get().address
        }
        #expect(try combined("02/03") == "Jl. Seruni 4 RT 02/RW 03")
        #expect(try combined("RT/RW 002 / 003") == "Jl. Seruni 4 RT 002/RW 003")
        #expect(try combined("2") == "Jl. Seruni 4 RT/RW 2")
        // Under an address heading merged over three columns, a second heading row names them.
        let merged = ["Nama Usaha", "Alamat", "", "", "Kelurahan", "Kecamatan", "Jumlah TK", ""]
        let top = ImportLayout.match(header: merged, source: .pemkot)
        let split = try #require(top.readingSubHeadings(["", "Jalan", "RT", "RW", "", "", "L", "P"], under: merged))
        #expect(split.neighbourhood == [.rt: 2, .rw: 3] && split.neighbourhoodColumns == ["RT", "RW"] && split.positions[.address] == 1)
        let row = try ImportRecord.check(["Toko Satu", "Jl. Seruni 4", "2", "3", "Kauman", "Pekalongan Timur", "3", "4"], header: split,
                                         source: .pemkot).get()
        #expect(row.address == "Jl. Seruni 4 RT 2/RW 3" && row.estimatedWorkers == 7)
        #expect(top.readingSubHeadings(["", "Jalan", "RT/RW", "", "", "", "", ""], under: merged)?.neighbourhood == [.both: 2])
        // Anything else under the address, or a street word elsewhere, is no heading row.
        #expect(top.readingSubHeadings(["", "Jalan", "Nomor Rumah", "", "", "", "L", "P"], under: merged) == nil)
        #expect(top.readingSubHeadings(["", "", "", "", "Jalan", "", "L", "P"], under: merged) == nil)
        #expect(top.readingSubHeadings(["", "Jl. Seruni 4", "2", "3", "", "", "", ""], under: merged) == nil)
        // Without an address column they are unknown columns, as before.
        let none = ImportLayout.match(header: ["Nama Usaha", "RT", "RW", "Kelurahan", "Kecamatan"], source: .pemkot)
        #expect(none.neighbourhood.isEmpty && none.unknown == ["RT", "RW"])
        // And the address with its neighbourhood is still the same place as one without it.
        #expect(AddressMatch.similar(try #require(try address("Jl. Seruni 4", "2", "3")), "JL SERUNI NO 4"))
    }

    @Test func aRowWithNothingInAKnownColumnGivesNothing() {
        let h = ImportLayout.match(header: ["No", "Nama Usaha", "Alamat", "Kelurahan", "Kecamatan"], source: .pemkot)
        #expect(h.givesNothing(["21", "", "", "", ""]))
        #expect(h.givesNothing(["Sumber: DPMPTSP", " ", "", ""]))
        #expect(!h.givesNothing(["21", "", "Jl. Seruni 4", "", ""]))
        #expect(!h.givesNothing(["", "Toko", "", "", ""]))
    }

    @Test func aHeaderThatFitsTheOtherListSaysWhich() {
        let bpjs = ["NPP", "Nama Perusahaan", "NPWP", "Alamat", "Kecamatan", "Status Kepesertaan"]
        let pemkot = ["Nama Usaha", "NIB", "Alamat", "Kelurahan", "Kecamatan"]
        #expect(ImportLayout.otherSourceFitting(header: bpjs, source: .pemkot) == .bpjs)
        #expect(ImportLayout.otherSourceFitting(header: pemkot, source: .bpjs) == .pemkot)
        #expect(ImportLayout.otherSourceFitting(header: ["Nama", "Alamat"], source: .pemkot) == nil)
        #expect(ImportLayout.otherSourceFitting(header: ["NPP", "Nama Perusahaan"], source: .pemkot) == nil)
    }

    /// A sheet grouped by kecamatan merges its kecamatan cells down; saved as CSV, the rows below
    /// the first have it blank. The city's kelurahan says which it is.
    @Test func aBlankKecamatanFollowsFromTheKelurahan() throws {
        let h = IntakeSample.pemkotHeader
        func place(_ kelurahan: String, _ kecamatan: String) throws -> (String?, String?) {
            let r = try ImportRecord.check(["Toko Satu", "", "", "", "Jl. A 1", kelurahan, kecamatan, "", "", "", ""], header: h,
                                           source: .pemkot).get()
            return (r.kelurahan, r.kecamatan)
        }
        #expect(try place("kel. medono", "") == ("Medono", "Pekalongan Barat"))
        #expect(try place("Yosorejo", "-") == ("Yosorejo", "Pekalongan Selatan"))
        // A kecamatan given is kept as given; a kelurahan outside the city says nothing.
        #expect(try place("Medono", "Pekalongan Timur") == ("Medono", "Pekalongan Timur"))
        #expect(try place("Wiradesa", "") == ("Wiradesa", nil))
        // The row says so, for the summary.
        func inferred(_ kecamatan: String) throws -> Bool {
            try ImportRecord.check(["Toko Satu", "", "", "", "Jl. A 1", "Medono", kecamatan, "", "", "", ""], header: h, source: .pemkot).get()
                .kecamatanFromKelurahan
        }
        #expect(try inferred("") && !inferred("Pekalongan Barat"))
    }

    @Test func anImportedRowGivesThePlacesInTheCitysSpelling() throws {
        let header = ImportLayout.match(header: ["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan"], source: .pemkot)
        let r = try ImportRecord.check(["Toko A", "Jl. A", "KEL. KAUMAN", "Kec. Pekalongan Timur"], header: header, source: .pemkot).get()
        #expect(r.kelurahan == "Kauman")
        #expect(r.kecamatan == "Pekalongan Timur")
    }

    @Test func similarAddresses() {
        #expect(AddressMatch.similar("Jl. Hayam Wuruk No. 12", "JALAN HAYAM WURUK 12"))
        #expect(AddressMatch.similar("Jln Hayam Wuruk No.12, Kauman", "Jl. Hayam Wuruk No. 12 Kauman"))
        #expect(!AddressMatch.similar("Jl. Hayam Wuruk No. 1", "Jl. Hayam Wuruk No. 12"))
        #expect(!AddressMatch.similar("", ""))
        // One list gives the neighbourhood and the other not: the same place.
        #expect(AddressMatch.similar("Jl. Seruni No. 4 RT 02/RW 03", "JL SERUNI 4"))
        #expect(AddressMatch.similar("Jl. Seruni 4 RT.002 RW.003", "Jl. Seruni No. 4, RT02/RW03"))
        #expect(!AddressMatch.similar("Jl. Seruni 4 RT 02/RW 03", "Jl. Seruni 14 RT 02/RW 03"))
        #expect(AddressMatch.words("Jl. Seruni No. 4 RT 02/RW 03") == ["jalan", "seruni", "4"])
        #expect(AddressMatch.sameKelurahan("Panjang  Wetan", "panjang wetan"))
        #expect(!AddressMatch.sameKelurahan("", ""))
    }
}

@Suite struct RowCheckTests {
    @Test func aValidPemkotRowIsRead() throws {
        let r = IntakeSample.pemkot("Batik Sekar Jaya", nib: "1234567890123", npwp: "0" + IntakeSample.npwp.digits, workers: "1.250")
        #expect(r.npwp == IntakeSample.npwp)
        #expect(r.nib?.digits == "1234567890123")
        #expect(r.estimatedWorkers == 1_250)
        #expect(r.legalForm == .cv)
        #expect(r.newCompany().scale == .besar)
        #expect(r.newCompany().status == .pwbd)
    }

    @Test func cellsAreTrimmedAndTheirWhitespaceFolded() throws {
        let h = IntakeSample.pemkotHeader
        func name(_ cell: String) throws -> String {
            let cells = [cell, "", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "13134", "3", "", ""]
            return try ImportRecord.check(cells, header: h, source: .pemkot).get().name
        }
        #expect(try name("Batik Sekar Jaya") == "Batik Sekar Jaya")
        #expect(try name(" Batik Sekar Jaya") == "Batik Sekar Jaya")
        #expect(try name("Batik Sekar Jaya ") == "Batik Sekar Jaya")
        #expect(try name("Batik  Sekar Jaya") == "Batik Sekar Jaya")
        #expect(try name("Batik  Sekar\tJaya") == "Batik Sekar Jaya")
        #expect(try name("Batik\u{A0}Sekar\r\nJaya") == "Batik Sekar Jaya")
        #expect(try name("Batik Sékar Jaya 🌸") == "Batik Sékar Jaya 🌸")
        #expect(try name("Batik ¡Sekar! ÿ") == "Batik ¡Sekar! ÿ")
        // Pasted from the web or a PDF: invisible characters go, typographic spaces are spaces.
        #expect(try name("\u{200B}Batik Sekar\u{2060} Jaya\u{FEFF}") == "Batik Sekar Jaya")
        #expect(try name("Batik\u{2009}Sekar\u{3000}Ja\u{AD}ya\u{202F}") == "Batik Sekar Jaya")
        // A joiner inside an emoji is part of it.
        #expect(try name("Keluarga 👨\u{200D}👩\u{200D}👧") == "Keluarga 👨\u{200D}👩\u{200D}👧")
        #expect(try name("Toko ’Ali’ “Baru” → Jl. 1…") == "Toko ’Ali’ “Baru” → Jl. 1…")
    }

    /// A zero-width space before an NPWP or a count does not refuse the row; a row of nothing
    /// else gives no company.
    @Test func aCellOfInvisibleCharactersGivesNothing() throws {
        let h = IntakeSample.pemkotHeader
        let cells = ["Batik A", "", "", "\u{200B}" + IntakeSample.npwp.formatted, "Jl. A", "Kauman", "Pekalongan Timur", "13134", "\u{200B}5", "", ""]
        let r = try ImportRecord.check(cells, header: h, source: .pemkot).get()
        #expect(r.npwp == IntakeSample.npwp)
        #expect(r.estimatedWorkers == 5)
        let blank = ["\u{200B}", "\u{200B}", "", "", "\u{FEFF}", "", "", "", "", "", ""]
        #expect(h.givesNothing(blank))
    }

    /// A Kawal export writes codes `="…"` so that Excel keeps them; imported again as it is, such
    /// a cell is the code inside. A formula that computes something stays what it is.
    @Test func aCodeWrittenForExcelIsReadAsTheCodeInside() throws {
        let h = IntakeSample.pemkotHeader
        let r = try ImportRecord.check(["=\"Batik Sekar\"", "CV", "=\"1234567890123\"", IntakeSample.npwp.formatted, "Jl. A", "Kauman",
                                        "Pekalongan Timur", "=\"01111\"", "3", "=\" 081234567890 \"", ""], header: h, source: .pemkot).get()
        #expect(r.name == "Batik Sekar")
        #expect(r.nib?.digits == "1234567890123")
        #expect(r.kbli == "01111")
        #expect(r.phone == "081234567890")
        #expect(throws: RowProblem.self) {
            try ImportRecord.check(["Batik", "", "=\"12\"&\"3\"", "", "Jl. A", "Kauman", "Pekalongan Timur", "", "", "", ""],
                                   header: h, source: .pemkot).get()
        }
        let other = try ImportRecord.check(["=A1", "", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "", "", "=\"-\"", "=\"\""],
                                            header: h, source: .pemkot).get()
        #expect(other.name == "=A1" && other.phone == nil && other.owner == nil)
        // Text Excel would take for a formula is exported so too, its quotes doubled.
        let guarded = try ImportRecord.check(["=\"@Kopi \"\"Senja\"\"\"", "", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "", "", "", "=\"-Budi\""],
                                              header: h, source: .pemkot).get()
        #expect(guarded.name == "@Kopi \"Senja\"" && guarded.owner == "-Budi")
        // A quote left single ends the constant: the cell is a formula, kept as it is.
        for cell in ["=\"a\"b\"", "=\"a\"\"\"\"", "=\"a\"\""] {
            let r = try ImportRecord.check([cell, "", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "", "", "", ""], header: h, source: .pemkot).get()
            #expect(r.name == cell)
        }
    }

    /// Text too long for `="…"`, or with a line break, is exported with a leading `'`, which a
    /// spreadsheet shows without it: imported, the text is what follows that `'`.
    @Test func theApostropheThatKeepsAFormulaAsTextIsTakenAway() throws {
        let h = IntakeSample.pemkotHeader
        func read(_ name: String, owner: String = "") throws -> ImportRecord {
            try ImportRecord.check([name, "", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "", "", "", owner], header: h, source: .pemkot).get()
        }
        let long = "-" + String(repeating: "x", count: 300)
        #expect(try read("'" + long).name == long)
        #expect(try read("Batik", owner: "'=1 2").owner == "=1 2")
        #expect(try read("'+62 812").name == "+62 812")
        #expect(try read("'@Kopi").name == "@Kopi")
        #expect(try read("'\u{FF1D}1").name == "\u{FF1D}1")
        // Only one, and only before what would start a formula; `'="x"` is the text `="x"`.
        #expect(try read("''=x").name == "'=x")
        #expect(try read("'=\"x\"").name == "=\"x\"")
        #expect(try read("'Batik").name == "'Batik")
        #expect(try read("Batik", owner: "'0812").owner == "'0812")
        #expect(try read("=\"'=x\"").name == "'=x")
    }

    @Test func eachCheckNamesWhatIsWrong() {
        let h = IntakeSample.pemkotHeader
        func problem(_ cells: [String]) -> RowProblem? {
            if case .failure(let p) = ImportRecord.check(cells, header: h, source: .pemkot) { return p }
            return nil
        }
        let good = ["Batik", "CV", "", "", "Jl. A", "Kauman", "Pekalongan Timur", "13134", "3", "", ""]
        #expect(problem(good) == nil)
        var bad = good; bad[3] = "01.234.567.0-511.000"
        if case .identifier(let e)? = problem(bad) { #expect(e.field == .npwp && e.problem == .checksum) } else { Issue.record("npwp") }
        bad = good; bad[2] = "123"
        if case .identifier(let e)? = problem(bad) { #expect(e.field == .nib) } else { Issue.record("nib") }
        bad = good; bad[8] = "tiga"
        #expect(problem(bad) == .badNumber(.estimatedWorkers, "tiga"))
        bad = good; bad[8] = "2,5"
        #expect(problem(bad) == .badNumber(.estimatedWorkers, "2,5"))
        bad = good; bad[8] = "-4"
        #expect(problem(bad) == .badNumber(.estimatedWorkers, "-4"))
        // A count a spreadsheet formatted with zero decimals is whole; other decimals are not.
        for (written, count) in [("12,00", 12), ("12.0", 12), ("1.250,00", 1_250), ("1,250.00", 1_250), ("1.250", 1_250)] {
            var row = good; row[8] = written
            #expect((try? ImportRecord.check(row, header: h, source: .pemkot).get())?.estimatedWorkers == count, "\(written)")
        }
        for written in ["12,50", "12,05", ",00", "1.25,00"] {
            bad = good; bad[8] = written
            #expect(problem(bad) == .badNumber(.estimatedWorkers, written), "\(written)")
        }
        // A count with its unit, as typed by hand, is a count; another word is not.
        for written in ["25 orang", "25 Org.", "25 TK", "25 tenaga kerja", "25 karyawan"] {
            var row = good; row[8] = written
            #expect((try? ImportRecord.check(row, header: h, source: .pemkot).get())?.estimatedWorkers == 25, "\(written)")
        }
        bad = good; bad[8] = "25 perusahaan"
        #expect(problem(bad) == .badNumber(.estimatedWorkers, "25 perusahaan"))
        bad = good; bad[8] = "orang"
        #expect(problem(bad) == .badNumber(.estimatedWorkers, "orang"))
        // A phone a spreadsheet stored as a number gets its leading 0 back; one in scientific
        // notation has lost its digits; anything else is kept as written.
        for (written, kept) in [("81234567890", "081234567890"), ("2854123456", "02854123456"), ("0285-412345", "0285-412345"),
                                ("6281234567890", "6281234567890"), ("+62 812-3456-7890", "+62 812-3456-7890"), ("412345", "412345"),
                                ("0812345678", "0812345678"), ("0285 412345 / 0812 1234 567", "0285 412345 / 0812 1234 567")] {
            var row = good; row[9] = written
            #expect((try? ImportRecord.check(row, header: h, source: .pemkot).get())?.phone == kept, "\(written)")
        }
        bad = good; bad[9] = "8,12346E+10"
        #expect(problem(bad) == .phoneAsNumber("8,12346E+10"))
        // An identifier typed with a leading apostrophe (a spreadsheet's mark for text).
        var quoted = good; quoted[2] = "'0912345678901"
        #expect((try? ImportRecord.check(quoted, header: h, source: .pemkot).get())?.nib?.digits == "0912345678901")
        bad = good; bad[2] = "091234'5678901"
        if case .identifier(let e)? = problem(bad) { #expect(e.problem == .invalidCharacter("'")) } else { Issue.record("apostrophe inside") }
        bad = good; bad[0] = "  "
        #expect(problem(bad) == .missingValue(.name))
        // Empty cells past the header's (a delimiter ending every row) say nothing; a cell that
        // holds something there, or a cell short, may have shifted the columns.
        #expect(problem(good + ["", " "]) == nil)
        #expect(problem(good + ["", "Budi"]) == .wrongCellCount(got: 13, expected: 11))
        #expect(problem(Array(good.dropLast())) == .wrongCellCount(got: 10, expected: 11))
        // A name and nothing to find it by: a note under the list, or a row cut short.
        #expect(problem(["Sumber: DPMPTSP Kota Pekalongan", "", "", "", "", "", "", "", "", "", ""]) == .onlyAName)
        #expect(problem(["Toko Ani", "UD", "", "", "", "", "Pekalongan Barat", "47111", "3", "0812", "Ani"]) == .onlyAName)
        #expect(problem(["Toko Ani", "", "", "", "", "Kauman", "", "", "", "", ""]) == nil)
        #expect(problem(["Toko Ani", "", "9120001234567", "", "", "", "", "", "", "", ""]) == nil)
        #expect((try? ImportRecord.check(["12345678", "Toko Ani", "", "", "", "PWBD", "0", "3"], header: IntakeSample.bpjsHeader, source: .bpjs).get()) != nil)
        bad = good; bad[1] = "Pabrik"
        #expect(problem(bad) == .unknownLegalForm("Pabrik"))
        bad = good; bad[7] = "13134, 46491"
        #expect(problem(bad) == .identifier(IdentifierError(field: .kbli, value: "13134, 46491", problem: .severalCodes)))
        bad = good; bad[7] = "13.134"
        #expect(problem(bad) == nil)
        bad = good; bad[0] = "Batik \u{1B}[31mMerah"
        #expect(problem(bad) == .controlCharacters(.name))
        bad = good; bad[0] = "Batik\u{85}Merah"
        #expect(problem(bad) == .controlCharacters(.name))
        bad = good; bad[0] = "Batik\u{7F}"
        #expect(problem(bad) == .controlCharacters(.name))
        bad = good; bad[4] = String(repeating: "x", count: 100_000)
        #expect(problem(bad) == .tooLong(.address, length: 100_000))
        #expect(problem(Array(good.dropLast())) == .wrongCellCount(got: 10, expected: 11))
        let bpjs = ["", "Batik", "", "", "", "Lunas", "0", "3"]
        if case .failure(let p) = ImportRecord.check(bpjs, header: IntakeSample.bpjsHeader, source: .bpjs) {
            #expect(p == .unknownStatus("Lunas"))
        } else {
            Issue.record("status")
        }
    }

    @Test func lineBreaksInACellBecomeOneSpace() throws {
        let r = IntakeSample.pemkot("Batik\r\n Sekar\n\nJaya", address: "Jl. Seruni\nNo. 4")
        #expect(r.name == "Batik Sekar Jaya")
        #expect(r.address == "Jl. Seruni No. 4")
    }

    @Test func headersMatchThroughAliasesRegardlessOfCaseAndPunctuation() {
        let h = ImportLayout.match(header: ["nama_usaha", "ALAMAT ", "Desa / Kelurahan", "kec.", "Catatan", "NPWP"], source: .pemkot)
        #expect(h.missing.isEmpty)
        #expect(h.positions[.name] == 0 && h.positions[.kelurahan] == 2 && h.positions[.kecamatan] == 3 && h.positions[.npwp] == 5)
        #expect(h.unknown == ["Catatan"])
        let missing = ImportLayout.match(header: ["NPP", "Nama Perusahaan"], source: .bpjs)
        #expect(missing.missing == [.status])
    }

    /// Lists joined one after another bring their headers along: such a row gives no company.
    @Test func aRowThatRepeatsTheHeaderIsKnownForOne() {
        let h = ImportLayout.match(header: ["No", "Nama Usaha", "Bentuk Usaha", "Alamat", "Kelurahan", "Kecamatan"], source: .pemkot)
        #expect(h.isRepeated(by: ["No", "Nama Usaha", "Bentuk Usaha", "Alamat", "Kelurahan", "Kecamatan"]))
        // Another file's spelling, a byte order mark where that file began, another "No".
        #expect(h.isRepeated(by: ["1", "\u{FEFF}NAMA USAHA", "Badan Hukum", "Alamat Usaha", "Desa/Kelurahan", "Kec."]))
        // A company, even one named like a column, is not a header.
        #expect(!h.isRepeated(by: ["1", "Batik Sekar Jaya", "CV", "Jl. Seruni 4", "Kauman", "Pekalongan Timur"]))
        #expect(!h.isRepeated(by: ["2", "Nama Usaha", "CV", "Jl. Seruni 4", "Kauman", "Pekalongan Timur"]))
        #expect(!h.isRepeated(by: ["3", "Nama Usaha"]))
    }

    /// Merged heading cells saved as CSV: names that span both rows sit in the first, `Alamat`
    /// is split into `Jalan`, `Kelurahan` and `Kecamatan` in the second, and the worker count
    /// into its parts. Neither row alone is a header; together they are.
    @Test func aHeaderWrittenOverTwoRowsIsFound() throws {
        let first = ["No", "Nama Usaha", "Alamat", "", "", "Jumlah TK", "", "", "Telepon"]
        let second = ["", "", "Jalan", "Kelurahan", "Kecamatan", "L", "P", "Jumlah", ""]
        var search = ImportLayout.HeaderSearch(source: .pemkot)
        #expect(search.offer(["DAFTAR USAHA 2026"]) == nil)
        #expect(search.offer(first) == nil)
        let found = search.offer(second)
        let header = try #require(found)
        #expect(search.titleRows == 1)
        #expect(search.twoRows?.cells == ["No", "Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "Jumlah TK", "", "", "Telepon"])
        #expect(search.twoRows?.subHeadings == ["", "", "", "", "", "L", "P", "Jumlah", ""])
        #expect(header.positions[.name] == 1 && header.positions[.address] == 2 && header.positions[.kelurahan] == 3)
        #expect(header.positions[.kecamatan] == 4 && header.positions[.estimatedWorkers] == 7 && header.positions[.phone] == 8)
        #expect(header.unknown == ["No"])
        // Parts that are nobody's worker count leave the header as the rows name it.
        let owner = try #require(ImportLayout.twoRowHeader(["Nama Usaha", "Alamat", "Pemilik", "", "Wilayah", ""],
                                                           ["", "", "L", "P", "Kelurahan", "Kecamatan"], source: .pemkot))
        #expect(owner.cells == ["Nama Usaha", "Alamat", "Pemilik", "", "Kelurahan", "Kecamatan"])
        #expect(owner.header.positions[.owner] == 2 && owner.header.splits.isEmpty && owner.subHeadings == nil)
        // Not two rows of one header: a header short of a column over a company's row, or a
        // second row that names no column.
        #expect(ImportLayout.twoRowHeader(["Nama Usaha", "Alamat", "Kelurahan"], ["Toko Satu", "Jl. A 1", "Kergon"], source: .pemkot) == nil)
        #expect(ImportLayout.twoRowHeader(["Nama Usaha", "Alamat", "Kelurahan", "Kecamatan"], ["", "", "", ""], source: .pemkot) == nil)
        #expect(ImportLayout.twoRowHeader(["DAFTAR", "", ""], ["Nama Usaha", "Alamat", "Kelurahan"], source: .pemkot) == nil)
        // A blank row between them: not one header.
        var apart = ImportLayout.HeaderSearch(source: .pemkot)
        #expect(apart.offer(first) == nil && apart.offer(["", ""]) == nil && apart.offer(second) == nil)
    }

    @Test func theHeaderIsFoundUnderATitleWithinTheFirstTenRows() {
        var search = ImportLayout.HeaderSearch(source: .pemkot)
        #expect(search.offer(["DAFTAR PERUSAHAAN", "", ""]) == nil)
        #expect(search.offer(["", "", ""]) == nil)  // blank: not counted
        #expect(search.offer(["No", "Nama Usaha", "Alamat"]) == nil)
        let header = search.offer(["No", "Nama Usaha", "Alamat", "Kelurahan", "Kecamatan", "", ""])
        #expect(header?.positions[.name] == 1 && header?.unknown == ["No"])
        #expect(search.titleRows == 2)

        // No header: the search ends after ten non-blank rows, naming the closest one.
        var none = ImportLayout.HeaderSearch(source: .bpjs)
        #expect(none.offer(["Daftar BPJS"]) == nil)
        #expect(none.offer(["NPP", "Nama Perusahaan"]) == nil)
        for i in 0..<7 { #expect(none.offer(["baris \(i)"]) == nil) }
        #expect(!none.isOver)
        #expect(none.offer(["NPP"]) == nil)
        #expect(none.isOver)
        #expect(none.closest?.cells == ["NPP", "Nama Perusahaan"] && none.closest?.header.missing == [.status])
    }
}

@Suite struct MatchRuleTests {
    typealias S = IntakeSample

    /// A row whose NPWP finds one company and whose NPP (or NIB) belongs to another names two
    /// companies: merging it would give the NPP to a second company, so the rule refuses it.
    @Test func aRowGivingAnotherCompanysIdentifierClashes() throws {
        let a = S.company(id: 1, name: "Garmen Putra", npwp: S.npwp)
        let b = S.company(id: 2, name: "Batik Sekar Jagad", npwp: S.otherNPWP, nib: "9120000000001", npp: "10228211")
        let lookup = ListLookup(companies: [1: (a, .pemkot), 2: (b, .bpjs)])
        func clash(_ row: ImportRecord) throws -> IdentifierClash? {
            let match = try MatchRules.match(row, in: lookup)
            let id = try #require(match.matchedID)
            let company = try #require(lookup.companies[id]).0
            return try MatchRules.clash(MergeRules.merge(row, into: company, origin: .pemkot, sources: []), before: company, match: match, in: lookup)
        }
        #expect(try clash(S.bpjs("Garmen Putra", npp: "10228211", npwp: S.npwp.formatted))
                == IdentifierClash(field: .npp, value: "10228211", matchedID: 1, matchedBy: .npwp, otherID: 2, matchedName: "Garmen Putra"))
        #expect(try clash(S.pemkot("Garmen Putra", nib: "9120000000001", npwp: S.npwp.digits))
                == IdentifierClash(field: .nib, value: "9120000000001", matchedID: 1, matchedBy: .npwp, otherID: 2, matchedName: "Garmen Putra"))
        // An NPP nobody has, or the one the company has already, is no clash.
        #expect(try clash(S.bpjs("Garmen Putra", npp: "10000001", npwp: S.npwp.formatted)) == nil)
        #expect(try clash(S.bpjs("Batik Sekar Jagad", npp: "10228211", npwp: S.otherNPWP.formatted)) == nil)
        // Matched by NIB, with an NPP that the first company has.
        var withNPP = a
        withNPP.npp = try NPP("55555555")
        var noNPP = b
        noNPP.npp = nil
        let lookup2 = ListLookup(companies: [1: (withNPP, .bpjs), 2: (noNPP, .pemkot)])
        var byNIB = S.pemkot("Batik Sekar Jagad", nib: "9120000000001")
        byNIB.npp = try NPP("55555555")
        let match = try MatchRules.match(byNIB, in: lookup2)
        #expect(match == .sameNIB(2))
        let plan = MergeRules.merge(byNIB, into: noNPP, origin: .pemkot, sources: [])
        #expect(try MatchRules.clash(plan, before: noNPP, match: match, in: lookup2)
                == IdentifierClash(field: .npp, value: "55555555", matchedID: 2, matchedBy: .nib, otherID: 1, matchedName: "Batik Sekar Jagad"))
        // A merge that keeps the company's own NPP (BPJAMSOSTEK's, over the city's) gives nothing away.
        let kept = MergeRules.merge(byNIB, into: b, origin: .bpjs, sources: [SourcedValue(field: "npp", source: .bpjs, value: "10228211")])
        #expect(kept.company.npp?.digits == "10228211")
        #expect(try MatchRules.clash(kept, before: b, match: .sameNIB(2), in: lookup2) == nil)
    }

    @Test func npwpInEitherFormIsTheSameCompanyAndComesFirst() throws {
        let lookup = ListLookup(companies: [
            1: (S.company(id: 1, name: "Batik Lain", npwp: S.npwp), .pemkot),
            2: (S.company(id: 2, name: "Batik Sekar Jaya", nib: "1234567890123"), .pemkot),
        ])
        let r16 = S.bpjs("Batik Sekar Jaya", npwp: "0" + S.npwp.formatted)
        #expect(try MatchRules.match(r16, in: lookup) == .sameNPWP(1))
        let r15 = S.pemkot("Batik Sekar Jaya", nib: "1234567890123", npwp: S.npwp.digits)
        #expect(try MatchRules.match(r15, in: lookup) == .sameNPWP(1))
    }

    @Test func thenNIBThenNPP() throws {
        let lookup = ListLookup(companies: [
            1: (S.company(id: 1, name: "A", nib: "1234567890123"), .pemkot),
            2: (S.company(id: 2, name: "B", npp: "12345678"), .bpjs),
        ])
        #expect(try MatchRules.match(S.pemkot("X", nib: "1234567890123"), in: lookup) == .sameNIB(1))
        #expect(try MatchRules.match(S.bpjs("Y", npp: "12345678"), in: lookup) == .sameNPP(2))
        #expect(try MatchRules.match(S.bpjs("Z", npp: "87654321"), in: lookup) == .none)
    }

    @Test func sameNameInTheSameKelurahanOrAtASimilarAddressIsOnlyAPossibleDuplicate() throws {
        let lookup = ListLookup(companies: [1: (S.company(id: 1, name: "Batik Sekar Jaya", address: "Jl. Seruni No. 4"), .bpjs)])
        #expect(try MatchRules.match(S.pemkot("CV. Batik  Sekar Jaya", address: "Gg. Lain 9"), in: lookup)
                == .possibleDuplicate(1, .sameNameSameKelurahan))
        #expect(try MatchRules.match(S.pemkot("Batik Sekar Jaya", address: "Jalan Seruni 4", kelurahan: "Medono"), in: lookup)
                == .possibleDuplicate(1, .sameNameSimilarAddress))
        #expect(try MatchRules.match(S.pemkot("Batik Sekar Jaya", address: "Jl. Seruni No. 40", kelurahan: "Medono"), in: lookup) == .none)
        // A different NPWP on both sides proves two companies.
        let withTax = ListLookup(companies: [1: (S.company(id: 1, name: "Batik Sekar Jaya", npwp: S.otherNPWP), .bpjs)])
        #expect(try MatchRules.match(S.pemkot("Batik Sekar Jaya", npwp: S.npwp.digits), in: withTax) == .none)
    }

    @Test func theSameListsRowSeenAgainIsTheSameRecord() throws {
        let row = S.pemkot("Batik Sekar Jaya")
        var existing = row.newCompany()
        existing.id = 7
        let lookup = ListLookup(companies: [7: (existing, .pemkot)])
        #expect(try MatchRules.match(row, in: lookup) == .sameRecord(7))
        // From the other list, the same values are still only a possible duplicate.
        let other = ListLookup(companies: [7: (existing, .bpjs)])
        #expect(try MatchRules.match(row, in: other) == .possibleDuplicate(7, .sameNameSameKelurahan))
    }
}

@Suite struct MergeRuleTests {
    typealias S = IntakeSample

    @Test func bpjsDecidesStatusNppAndRegisteredWorkersAndConflictsKeepBothSources() {
        let pemkotRow = S.pemkot("Batik Sekar Jaya", npwp: S.npwp.digits, workers: "25")
        var company = pemkotRow.newCompany()
        company.id = 3
        let start = MergeRules.newCompany(pemkotRow).sources
        #expect(start == [SourcedValue(field: "npwp", source: .pemkot, value: S.npwp.digits)])
        let row = S.bpjs("PT Batik Sekar Jaya", npp: "12345678", npwp: S.npwp.digits, status: "PDS-TK", registered: "4", potential: "30")
        let plan = MergeRules.merge(row, into: company, origin: .pemkot, sources: start)
        #expect(plan.company.status == .pdsTK)
        #expect(plan.company.npp?.digits == "12345678")
        #expect(plan.company.registeredWorkers == 4)
        // Neither list decides the estimate: the first one stays, both are kept.
        #expect(plan.company.estimatedWorkers == 25)
        // Pemkot decides the licensing identity: BPJS's "PT" does not replace "CV".
        #expect(plan.company.legalForm == .cv)
        let rows = Set(plan.sources)
        #expect(rows.contains(SourcedValue(field: "estimatedWorkers", source: .bpjs, value: "30")))
        #expect(rows.contains(SourcedValue(field: "estimatedWorkers", source: .pemkot, value: "25")))
        #expect(rows.contains(SourcedValue(field: "npwp", source: .bpjs, value: S.npwp.digits)))
        #expect(rows.contains(SourcedValue(field: "legalForm", source: .pemkot, value: "CV")))
        // The status Pemkot never gave is not attributed to it.
        #expect(!rows.contains { $0.field == "status" && $0.source == .pemkot })
        let detail = CompanyDetail(company: plan.company, sources: start + plan.sources, complianceCase: nil, events: [])
        #expect(detail.conflicts.map(\.field) == [.legalForm, .estimatedWorkers])
        /// The company with, for each field, what the city and what BPJAMSOSTEK gave.
        func given(_ values: [(field: String, pemkot: String, bpjs: String)]) -> CompanyDetail {
            CompanyDetail(company: plan.company, sources: values.flatMap {
                [SourcedValue(field: $0.field, source: .pemkot, value: $0.pemkot), SourcedValue(field: $0.field, source: .bpjs, value: $0.bpjs)]
            }, complianceCase: nil, events: [])
        }
        // Spelling is no conflict: capitals, punctuation, `Jl.` for `Jalan`, a phone's dashes.
        #expect(given([("name", "CV. Batik Sekar Jaya", "BATIK SEKAR JAYA"), ("address", "Jl. Seruni No. 4", "JALAN SERUNI 4"),
                       ("phone", "0285-421234", "0285 421234"), ("owner", "Hj. Siti", "HJ SITI"),
                       ("kecamatan", "Pekalongan Barat", "PEKALONGAN BARAT")]).conflicts.isEmpty)
        // A different house number, name or phone is one.
        #expect(given([("name", "Batik Sekar Jaya", "Batik Sekar Jaya Abadi"), ("address", "Jl. Seruni No. 4", "Jl. Seruni No. 14"),
                       ("phone", "0285-421234", "0285-421235")]).conflicts.map(\.field) == [.name, .address, .phone])
        // The same row again changes nothing.
        let again = MergeRules.merge(row, into: plan.company, origin: .pemkot, sources: start + plan.sources)
        #expect(again.isUnchanged)
    }

    @Test func pemkotDecidesNIBAndKelurahanButNotStatus() {
        var company = S.company(id: 1, name: "Batik Sekar Jaya", nib: "9120001111111", kelurahan: "Medono", status: .pdsTK)
        company.npp = try? NPP("12345678")
        let sources = [SourcedValue(field: "nib", source: .bpjs, value: "9120001111111")]
        let row = S.pemkot("Batik Sekar Jaya", nib: "9120002222222", kelurahan: "Kauman")
        let plan = MergeRules.merge(row, into: company, origin: .bpjs, sources: sources)
        #expect(plan.company.nib?.digits == "9120002222222")
        #expect(plan.company.kelurahan == "Kauman")
        #expect(plan.company.status == .pdsTK)
        #expect(plan.sources.contains(SourcedValue(field: "nib", source: .pemkot, value: "9120002222222")))
    }

    /// A blank Bentuk Usaha or worker count leaves a default in the company, not a value: the
    /// other list's value takes its place, though the city decides the legal form and the
    /// city's list came first.
    @Test func aCellTheFirstListLeftBlankIsFilledByTheOther() {
        let pemkotRow = S.pemkot("Batik Sekar Jaya", form: "", npwp: S.npwp.digits, workers: "")
        var company = pemkotRow.newCompany()
        company.id = 3
        #expect(company.legalForm == .perorangan && company.estimatedWorkers == 0)
        let row = S.bpjs("CV Batik Sekar Jaya", npwp: S.npwp.digits, potential: "30")
        let plan = MergeRules.merge(row, into: company, origin: .pemkot, sources: MergeRules.newCompany(pemkotRow).sources)
        #expect(plan.company.legalForm == .cv)
        #expect(plan.company.estimatedWorkers == 30 && plan.company.scale == .menengah)
        // The defaults were nobody's: no source is said to have given them.
        #expect(!plan.sources.contains { $0.source == .pemkot && ($0.field == "legalForm" || $0.field == "estimatedWorkers") })
        // In the duplicate review, the blank cells of the company merged in change nothing.
        let reviewed = MergeRules.merge(MergeRules.record(standingFor: company, origin: .pemkot), into: plan.company,
                                        origin: .bpjs, sources: plan.sources)
        #expect(reviewed.company.legalForm == .cv && reviewed.company.estimatedWorkers == 30)
    }

    @Test func aNewerListOfTheSameSourceSupersedesItsOwnValue() {
        let first = S.pemkot("Batik", workers: "10")
        var c = first.newCompany()
        c.id = 1
        let plan = MergeRules.merge(S.pemkot("Batik", workers: "14"), into: c, origin: .pemkot, sources: [])
        #expect(plan.company.estimatedWorkers == 14)
        #expect(plan.sources.isEmpty || !plan.sources.contains { $0.source == .bpjs })
    }

    @Test func casesOnImport() {
        let pwbd = S.company(id: 1, name: "A", status: .pwbd)
        var patuh = pwbd
        patuh.status = .patuh
        #expect(ImportCaseRule.forNewCompany(pwbd) == .openIdentified)
        #expect(ImportCaseRule.forNewCompany(patuh) == .none)
        let open = ComplianceCase(id: 9, companyID: 1, stage: .visited, openedOn: Day(serial: 0), nextDeadline: nil, assignee: nil)
        var closed = open
        closed.stage = .closed
        #expect(ImportCaseRule.forMerged(before: pwbd, after: patuh, source: .bpjs, openCase: open) == .recordCompliance(caseID: 9))
        #expect(ImportCaseRule.forMerged(before: pwbd, after: patuh, source: .pemkot, openCase: open) == .none)
        #expect(ImportCaseRule.forMerged(before: patuh, after: patuh, source: .bpjs, openCase: open) == .none)
        #expect(ImportCaseRule.forMerged(before: pwbd, after: patuh, source: .bpjs, openCase: closed) == .none)
        #expect(ImportCaseRule.forMerged(before: pwbd, after: patuh, source: .bpjs, openCase: nil) == .none)
        // Only BPJAMSOSTEK turning a company Patuh needs its case read.
        var pdsTK = pwbd
        pdsTK.status = .pdsTK
        #expect(ImportCaseRule.turnsCompliant(before: pwbd, after: patuh, source: .bpjs))
        #expect(!ImportCaseRule.turnsCompliant(before: pwbd, after: patuh, source: .pemkot))
        #expect(!ImportCaseRule.turnsCompliant(before: pwbd, after: pdsTK, source: .bpjs))
        #expect(!ImportCaseRule.turnsCompliant(before: patuh, after: patuh, source: .bpjs))
    }
}

@Suite struct CaseMergeRuleTests {
    func open(_ id: Int64, _ stage: Stage, _ opened: Int = 1, worked: Bool = true) -> CaseMergeRule.OpenCase {
        CaseMergeRule.OpenCase(id: id, stage: stage, openedOn: Day(year: 2026, month: 10, day: opened)!, hasHistory: worked)
    }

    @Test func theCaseFurthestUpTheLadderGoesOn() {
        let plan = CaseMergeRule.plan([open(1, .notified), open(2, .warning1, 9), open(3, .identified, worked: false)], companyIsCompliant: false)
        #expect(plan == CaseMergeRule.Plan(keep: 2, remove: [3], close: [1]))
        // On the same rung the older case, then the lower number.
        #expect(CaseMergeRule.plan([open(5, .visited, 9), open(7, .visited, 2)], companyIsCompliant: false).keep == 7)
        #expect(CaseMergeRule.plan([open(7, .visited), open(5, .visited)], companyIsCompliant: false).keep == 5)
    }

    @Test func aCaseNobodyWorkedGoesUnlessItIsTheOnlyOne() {
        func idle(_ id: Int64, merged: Bool) -> CaseMergeRule.OpenCase {
            CaseMergeRule.OpenCase(id: id, stage: .identified, openedOn: Day(year: 2026, month: 10, day: 1)!, hasHistory: false,
                                   cameWithMerge: merged)
        }
        // The existing company's own case stays, compliant or not, as an import leaves it.
        let both = [idle(4, merged: false), idle(3, merged: true)]
        #expect(CaseMergeRule.plan(both, companyIsCompliant: false) == CaseMergeRule.Plan(keep: 4, remove: [3], close: []))
        #expect(CaseMergeRule.plan(both, companyIsCompliant: true) == CaseMergeRule.Plan(keep: 4, remove: [3], close: []))
        // The one that came with the merge stays only for a company that is not compliant.
        #expect(CaseMergeRule.plan([idle(3, merged: true)], companyIsCompliant: false) == CaseMergeRule.Plan(keep: 3, remove: [], close: []))
        #expect(CaseMergeRule.plan([idle(3, merged: true)], companyIsCompliant: true) == CaseMergeRule.Plan(keep: nil, remove: [3], close: []))
        // A worked case goes on over any that nobody worked.
        #expect(CaseMergeRule.plan([idle(4, merged: false), open(9, .identified)], companyIsCompliant: false)
                == CaseMergeRule.Plan(keep: 9, remove: [4], close: []))
        #expect(CaseMergeRule.plan([], companyIsCompliant: false) == CaseMergeRule.Plan(keep: nil, remove: [], close: []))
    }
}
