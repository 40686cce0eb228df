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
}
