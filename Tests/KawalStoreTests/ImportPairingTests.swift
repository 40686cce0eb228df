import Foundation
import GRDB
import KawalDomain
import Testing
@testable import KawalStore

/// Lists as the branch gets them, imported into SQLite files: addresses that end with the place,
/// former kelurahan, names of symbols only, a pair kept apart, and a company on several rows.
@Suite struct ImportPairingTests {
    typealias F = ImportFixture

    /// A new database file in a folder for one test.
    func desk() throws -> (db: AppDatabase, dir: String) {
        let dir = F.folder()
        return (try AppDatabase.open(path: dir + "/kawal.sqlite"), dir)
    }

    func pairs(_ db: AppDatabase) throws -> [String] {
        try db.read { try String.fetchAll($0, sql: """
            SELECT e.name || ' #' || p.existing_id || ' | ' || i.name || ' #' || p.incoming_id || ' | ' || p.reason || ' | ' || p.status
            FROM duplicate_pair p JOIN company e ON e.id = p.existing_id JOIN company i ON i.id = p.incoming_id ORDER BY p.id
            """) }
    }

    /// The example city list of the README, then BPJAMSOSTEK's rows for three of its companies,
    /// written with the place at the end of the address: all three are queued for review.
    @Test func bpjsAddressesEndingWithThePlaceAreQueuedBesideTheCitysCompanies() throws {
        let (db, dir) = try desk()
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/pemkot-desember.csv").path
        let city = dir + "/pemkot-desember.csv"
        try FileManager.default.copyItem(atPath: examples, toPath: city)
        _ = try db.importFile(F.request(city, .pemkot), text: F.text)
        let bpjs = try db.importFile(F.request(F.write(dir, "bpjs.csv", """
            \(F.bpjsHeader)
            20000003,WARUNG MAKAN BU TINI,,JL MERDEKA NO 21 PEKALONGAN,PEKALONGAN BARAT,PWBD,0,3
            20000005,BATIK TULIS KENANGA,,JL KENANGA 7 KEL. KERGON,PEKALONGAN BARAT,PWBD,0,3
            20000006,PENGASAPAN IKAN PAK DARNO ABADI,,JALAN SULTAN AGUNG NOMOR 2,PEKALONGAN SELATAN,PWBD,0,3
            20000007,WARUNG MAKAN BU TINI,,"JL. MERDEKA NO 21, PODOSUGIH",PEKALONGAN BARAT,PWBD,0,3
            """), .bpjs), text: F.text)
        #expect(bpjs.counts == ImportCounts(read: 4, flagged: 4))
        #expect(try pairs(db) == [
            "Warung Makan Bu Tini #6 | WARUNG MAKAN BU TINI #8 | sameNameSimilarAddress | pending",
            "Batik Tulis Kenanga #5 | BATIK TULIS KENANGA #9 | sameNameSimilarAddress | pending",
            "Pengasapan Ikan Pak Darno Abadi #4 | PENGASAPAN IKAN PAK DARNO ABADI #10 | sameNameSimilarAddress | pending",
            "Warung Makan Bu Tini #6 | WARUNG MAKAN BU TINI #11 | sameNameSimilarAddress | pending",
        ])
    }

    /// A former kelurahan (`Kergon`) is kept as the list writes it, gives a blank kecamatan, and is
    /// the same kelurahan as the one it was merged into (`Bendan Kergon`).
    @Test func aFormerKelurahanFillsTheKecamatanAndMatchesTheKelurahanOfToday() throws {
        let (db, dir) = try desk()
        let header = "Nama Usaha;Alamat;Kelurahan;Kecamatan;Jumlah Tenaga Kerja"
        _ = try db.importFile(F.request(F.write(dir, "a.csv", "\(header)\nBatik Tulis Kenanga;Jl. Kenanga No. 7;Bendan Kergon;Pekalongan Barat;12\n"),
                                        .pemkot), text: F.text)
        let later = try db.importFile(F.request(F.write(dir, "b.csv", "\(header)\nBatik Tulis Kenanga;Jl. Melati 3;KEL. KERGON;;12\n"), .pemkot),
                                      text: F.text)
        #expect(later.counts == ImportCounts(read: 1, flagged: 1) && later.kecamatanFromKelurahan == 1)
        #expect(try pairs(db) == ["Batik Tulis Kenanga #1 | Batik Tulis Kenanga #2 | sameNameSameKelurahan | pending"])
        let added = try #require(try db.companyDetail(id: 2)?.company)
        #expect(added.kelurahan == "Kergon" && added.kecamatan == "Pekalongan Barat")
    }

    /// A name of emoji only: the same row again is the same company, a changed one is queued
    /// beside it, and neither adds a company of its own. A database that gave such a name an
    /// empty key before gets its key at the next import.
    @Test func aNameOfSymbolsOnlyIsFoundAgain() throws {
        let (db, dir) = try desk()
        let name = String(repeating: "😀", count: 20)
        let header = "Nama Usaha;Alamat;Kelurahan;Kecamatan;Jumlah Tenaga Kerja"
        let first = F.write(dir, "a.csv", "\(header)\n\(name);Jl. A 1;Kauman;Pekalongan Timur;6\n")
        #expect(try db.importFile(F.request(first, .pemkot), text: F.text).counts == ImportCounts(read: 1, new: 1))
        #expect(try db.importFile(F.request(first, .pemkot), text: F.text).counts == ImportCounts(read: 1, unchanged: 1))
        try db.write { try $0.execute(sql: "UPDATE company SET name_match = ''") }
        #expect(try db.importFile(F.request(first, .pemkot), text: F.text).counts == ImportCounts(read: 1, unchanged: 1))
        let changed = F.write(dir, "b.csv", "\(header)\n\(name);Jl. A 1;Kauman;Pekalongan Timur;7\n")
        #expect(try db.importFile(F.request(changed, .pemkot), text: F.text).counts == ImportCounts(read: 1, flagged: 1))
        #expect(try pairs(db) == ["\(name) #1 | \(name) #2 | sameNameSameKelurahan | pending"])
        #expect(try db.importFile(F.request(changed, .pemkot), text: F.text).counts == ImportCounts(read: 1, unchanged: 1))
        #expect(try db.companyCount() == 2)
    }

    /// The demo's Tailor Rahayu Putri and the city's, kept apart by a person: the city's next list
    /// with its row changed is queued beside the city's company, not the one the person said it
    /// is not.
    @Test func aRowIsNeverPairedAgainWithTheCompanyItsOwnWasKeptApartFrom() throws {
        let (db, dir) = try desk()
        try db.writeDemo(DemoOptions(today: Fixture.today), progress: nil)
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/pemkot-desember.csv").path
        let city = dir + "/pemkot-desember.csv"
        try FileManager.default.copyItem(atPath: examples, toPath: city)
        _ = try db.importFile(F.request(city, .pemkot), text: F.text)
        let flagged = try db.pendingDuplicates(limit: 10)
        try #require(flagged.count == 1)
        let demo = flagged[0].existing.id, listed = flagged[0].incoming.id
        #expect(flagged[0].existing.name == "Tailor Rahayu Putri" && flagged[0].incoming.name == "Tailor Rahayu Putri")
        try db.resolveDuplicate(id: flagged[0].id, decision: .keepApart, actor: "dewi", today: Fixture.today)

        let next = try db.importFile(F.request(F.write(dir, "pemkot-januari.csv", """
            Nama Usaha;Bentuk Usaha;Alamat;Kelurahan;Kecamatan;Jumlah Tenaga Kerja
            CV. Tailor Rahayu Putri;CV;Jl. Seruni 59;Yosorejo;Pekalongan Selatan;7
            """), .pemkot), text: F.text)
        #expect(next.counts == ImportCounts(read: 1, flagged: 1))
        let queued = try db.pendingDuplicates(limit: 10)
        try #require(queued.count == 1)
        #expect(queued[0].existing.id == listed && queued[0].existing.id != demo && queued[0].incoming.estimatedWorkers == 7)
    }

    /// An OSS list gives a company one row per KBLI code. Imported again unchanged, it changes
    /// nothing and counts the company unchanged; each import says the file gives the company
    /// different values, and where, so the steward knows the last row's value was kept.
    @Test func aCompanyOnSeveralRowsOfAnUnchangedFileIsUnchanged() throws {
        let (db, dir) = try desk()
        let oss = F.write(dir, "oss.csv", """
            Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;13134;5
            Toko Sama;9120841861456;Jl. B 2;Kauman;Pekalongan Timur;47111;3
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;46491;5
            Toko Sama;9120841861456;Jl. B 2;Kauman;Pekalongan Timur;47111;3
            """)
        let first = try db.importFile(F.request(oss, .pemkot), text: F.text)
        #expect(first.counts == ImportCounts(read: 4, new: 2, merged: 1, unchanged: 1))
        #expect(first.differingCompanies == 1 && first.differingLine == 4)
        let before = try F.snapshot(db)
        for _ in 1...2 {
            let again = try db.importFile(F.request(oss, .pemkot), text: F.text)
            #expect(again.counts == ImportCounts(read: 4, unchanged: 4))
            #expect(again.differingCompanies == 1 && again.differingLine == 4)
            #expect(try F.snapshot(db) == before)
        }
        #expect(try db.companyDetail(id: 1)?.company.sector.code == "46491")

        // A company from before the file, on two of its rows: it ends as the last row says.
        let changed = F.write(dir, "oss-2.csv", """
            Nama Usaha;NIB;Alamat;Kelurahan;Kecamatan;KBLI;Jumlah Tenaga Kerja
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;13134;5
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;13121;5
            Batik Oss;9120841861455;Jl. A 1;Kauman;Pekalongan Timur;13134;5
            """)
        let third = try db.importFile(F.request(changed, .pemkot), text: F.text)
        #expect(third.counts == ImportCounts(read: 3, merged: 3))
        #expect(third.differingCompanies == 1 && third.differingLine == 3)
        #expect(try db.companyDetail(id: 1)?.company.sector.code == "13134")
        let fourth = try db.importFile(F.request(changed, .pemkot), text: F.text)
        #expect(fourth.counts == ImportCounts(read: 3, unchanged: 3))
    }
}
