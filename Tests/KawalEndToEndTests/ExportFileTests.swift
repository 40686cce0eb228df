import Foundation
import Testing

/// `kawal export` and the files around it: the database it reads, the file it replaces, the
/// pipe it writes to.
@Suite("Export files")
struct ExportFileTests {
    /// A folder holding its own copy of the demo database, `d.sqlite`.
    static func copy() throws -> (dir: URL, db: String) {
        let dir = Harness.tempDir("kawal-export-files")
        let db = dir.appendingPathComponent("d.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: db)
        return (dir, db)
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func anotherProgramsDatabaseIsLeftAsItWas() throws {
        let dir = Harness.tempDir("kawal-foreign")
        let foreign = dir.appendingPathComponent("other.sqlite").path
        let made = try Harness.run("/usr/bin/env", ["sqlite3", foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"])
        try #require(made.status == 0, "\(made.stderr)")
        let before = try Self.bytes(foreign)
        let export = try Harness.kawal(["export", "companies", "--db", foreign])
        #expect(export.status == 1)
        #expect(export.stdout.isEmpty)
        #expect(export.stderr == "kawal: \(foreign) bukan basis data Kawal: berkas SQLite itu berisi tabel lain. Kawal tidak mengubahnya; periksa --db.\n",
                "\(export.stderr)")
        // Nor does an import adopt it, nor the case desk.
        // The list in a folder of its own: an import writes its refused rows beside it.
        let list = Harness.tempDir("kawal-foreign-list").appendingPathComponent("pemkot.csv").path
        try FileManager.default.copyItem(atPath: Harness.root.appendingPathComponent("examples/pemkot-desember.csv").path, toPath: list)
        let imported = try Harness.kawal(["import", "--source", "pemkot", list, "--db", foreign, "--lang", "en"])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("is not a Kawal database"), "\(imported.stderr)")
        let cases = try Harness.kawal(["case", "list", "--db", foreign])
        #expect(cases.status == 1)
        #expect(try Self.bytes(foreign) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["other.sqlite"])

        // An empty file: nothing to export, and it stays empty.
        let empty = dir.appendingPathComponent("kosong.sqlite").path
        _ = FileManager.default.createFile(atPath: empty, contents: nil)
        let none = try Harness.kawal(["export", "cases", "--db", empty])
        #expect(none.status == 1)
        #expect(none.stderr == "kawal: \(empty) kosong, bukan basis data Kawal, jadi tidak ada yang bisa diekspor. Periksa --db.\n", "\(none.stderr)")
        #expect(try Self.bytes(empty).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["kosong.sqlite", "other.sqlite"])
        // An import still makes an empty file its database, as before.
        let first = try Harness.kawal(["import", "--source", "pemkot", list, "--db", empty, "--today", Harness.goldenToday])
        #expect(first.status == 3, "\(first.stderr)")  // imported; the example refuses a few rows on purpose
        #expect(try CaseCommandTests.sql(empty, "SELECT count(*) > 0 FROM company") == "1")
    }
}
