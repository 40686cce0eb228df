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

    /// Runs `kawal` as the user nobody when the tests run as root (root may write any file), so
    /// that a file's permissions count.
    static func kawalAsUser(_ arguments: [String]) throws -> Harness.Result {
        guard getuid() == 0 else { return try Harness.kawal(arguments) }
        return try Harness.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Harness.binary] + arguments)
    }

    @Test func theDatabaseAndItsFilesAreNeverTheExportsFile() throws {
        let (dir, db) = try Self.copy()
        let before = try Self.bytes(db)
        let link = dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        // The same file by other names; and its -wal, -shm and -journal files, which do not exist now.
        for out in [db, dir.path + "/./d.sqlite", link, db + "-wal", db + "-shm", db + "-journal"] {
            let r = try Harness.kawal(["export", "companies", "--db", db, "--out", out])
            #expect(r.status == 1, "\(out)")
            #expect(r.stderr == "kawal: \(out) adalah basis data yang diekspor (atau berkas yang disimpan SQLite di sampingnya); menulis ekspor ke sana akan menghapus datanya. Pilih nama lain untuk --out.\n",
                    "\(r.stderr)")
        }
        #expect(try Self.bytes(db) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["d.sqlite", "link.sqlite"])
        // Read through the link, the database is the same file.
        let viaLink = try Harness.kawal(["export", "companies", "--db", link, "--out", db, "--lang", "en"])
        #expect(viaLink.status == 1)
        #expect(viaLink.stderr.contains("is the database being exported"), "\(viaLink.stderr)")

        // Someone else's database is not a spreadsheet to overwrite either.
        let other = dir.appendingPathComponent("lain.db").path
        try Data(before).write(to: URL(fileURLWithPath: other))
        let r = try Harness.kawal(["export", "companies", "--db", db, "--out", other])
        #expect(r.status == 1)
        #expect(r.stderr == "kawal: \(other) adalah basis data SQLite, bukan lembar kerja, jadi tidak ditimpa. Pilih nama lain untuk --out.\n",
                "\(r.stderr)")
        #expect(try Self.bytes(other) == before)
        #expect(try Self.bytes(db) == before)
    }

    /// `--out` naming a pipe or a device (`/dev/stdout`, a FIFO another program reads) writes
    /// into it: nothing is renamed over it, and it is not read first (that would wait for a writer).
    @Test func aPipeOrADeviceIsWrittenIntoNotReplaced() throws {
        let (dir, db) = try Self.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipa").path, out = dir.appendingPathComponent("dibaca.csv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let script = "timeout -s KILL 30 cat '\(fifo)' > '\(out)' & timeout -s KILL 30 '\(Harness.binary)' export companies --db '\(db)' --out '\(fifo)' --lang en; s=$?; wait; exit $s"
        let r = try Harness.run("/bin/sh", ["-c", script])
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        let bytes = try Self.bytes(out)
        let read = String(decoding: bytes, as: UTF8.self)
        #expect(Array(bytes.prefix(13)) == Array("\u{FEFF}Company ID".utf8), "\(read.prefix(80))")
        #expect(read.components(separatedBy: "\r\n").count > 100)
        var names = ["d.sqlite", "dibaca.csv", "pipa"]
        // A device: a null device of the test's own (`/dev/null` itself, replaced by a failing
        // export run as root, would break the machine), where the tests may make one.
        let device = dir.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 {  // major 1, minor 3
            names.append("null")
            let r = try Harness.kawal(["export", "companies", "--db", db, "--out", device])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(lstat(device, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == names.sorted())
    }

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

    @Test func aReplacedFileKeepsItsPermissionsAndLinks() throws {
        let (dir, db) = try Self.copy()
        // A private file stays private.
        let own = dir.appendingPathComponent("pemilik.csv").path
        try Data("lama\n".utf8).write(to: URL(fileURLWithPath: own))
        chmod(own, 0o600)
        let r = try Harness.kawal(["export", "companies", "--db", db, "--out", own, "--search", "batik"])
        #expect(r.status == 0, "\(r.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: own)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try String(contentsOfFile: own, encoding: .utf8).contains("Nama Usaha"))

        // A link is written through: the file it names gets the export, the link stays a link.
        let shared = dir.appendingPathComponent("bersama").path
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let target = shared + "/rapat.csv"
        try Data("lama\n".utf8).write(to: URL(fileURLWithPath: target))
        let link = dir.appendingPathComponent("rapat.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "bersama/rapat.csv")
        let viaLink = try Harness.kawal(["export", "companies", "--db", db, "--out", link, "--search", "batik"])
        #expect(viaLink.status == 0, "\(viaLink.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "bersama/rapat.csv")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("Nama Usaha"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared) == ["rapat.csv"])
        // A link to a file not there yet: the file is made where the link points.
        let dangling = dir.appendingPathComponent("baru.csv").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "bersama/baru.csv")
        let made = try Harness.kawal(["export", "companies", "--db", db, "--out", dangling, "--search", "batik"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try String(contentsOfFile: shared + "/baru.csv", encoding: .utf8).contains("Nama Usaha"))

        // A read-only file is refused, not replaced.
        chmod(dir.path, 0o777)
        let locked = dir.appendingPathComponent("terkunci.csv").path
        try Data("lama\n".utf8).write(to: URL(fileURLWithPath: locked))
        chmod(locked, 0o444)
        let refused = try Self.kawalAsUser(["export", "companies", "--db", db, "--out", locked])
        #expect(refused.status == 1)
        #expect(refused.stderr == "kawal: \(locked) tidak boleh ditulisi oleh pengguna ini (hanya-baca), jadi tidak ditimpa. Pilih nama lain untuk --out, atau ubah izin berkas itu.\n",
                "\(refused.stderr)")
        #expect(try String(contentsOfFile: locked, encoding: .utf8) == "lama\n")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.hasSuffix(".tmp") })
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // The reader takes one line and goes; with SIGPIPE ignored, writing fails with EPIPE.
        let script = "trap '' PIPE; \"$0\" \"$@\" 2>\"$ERR\" | head -n 1 >/dev/null; echo \"${PIPESTATUS[0]}\""
        let err = Harness.tempDir("kawal-pipe").appendingPathComponent("err").path
        let r = try Harness.run("/bin/bash", ["-c", script, Harness.binary, "export", "companies", "--db", Harness.demoDatabase],
                                environment: ["ERR": err])
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "141", "\(r.stdout)")
        #expect(try String(contentsOfFile: err, encoding: .utf8) == "")

        // Another failure on standard output names it, in the user's words, and no file.
        let full = try Harness.run("/bin/sh", ["-c", "exec \"$0\" \"$@\" >/dev/full", Harness.binary, "export", "companies", "--db", Harness.demoDatabase])
        #expect(full.status == 1)
        #expect(full.stderr == "kawal: Gagal menulis ke keluaran standar: disk penuh. Kosongkan ruang disk lalu ulangi.\n", "\(full.stderr)")
    }

    @Test func outNamesAFileInAFolderThatExists() throws {
        let (dir, db) = try Self.copy()
        let empty = try Harness.kawal(["export", "companies", "--db", db, "--out", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr == "kawal: --out butuh nama berkas (atau - untuk keluaran standar).\n", "\(empty.stderr)")
        let folder = try Harness.kawal(["export", "companies", "--db", db, "--out", dir.path, "--lang", "en"])
        #expect(folder.status == 1)
        #expect(folder.stderr == "kawal: \(dir.path) is a folder, not a file. Name a file inside it, for example \(dir.path)/kawal-companies.csv.\n",
                "\(folder.stderr)")
        // A missing folder is said before the database is opened (this one is not a Kawal database).
        let notOurs = dir.appendingPathComponent("kosong.sqlite").path
        _ = FileManager.default.createFile(atPath: notOurs, contents: nil)
        let missing = dir.path + "/baru/x.csv"
        let r = try Harness.kawal(["export", "companies", "--db", notOurs, "--out", missing])
        #expect(r.status == 1)
        #expect(r.stderr == "kawal: Tidak dapat membuat \(missing): folder \(dir.path)/baru tidak ada. Buat dulu foldernya, atau pilih --out lain.\n",
                "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/baru"))
    }

    @Test func aJSONNameGivesJSONAndOneRowIsOneRow() throws {
        let (dir, db) = try Self.copy()
        _ = try CaseCommandTests.sql(db, "UPDATE company SET name_key = 'zzunik' WHERE id = 1")
        let name = "zzunik"
        let json = dir.appendingPathComponent("satu.JSON").path
        let r = try Harness.kawal(["export", "companies", "--db", db, "--out", json, "--search", name, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "1 row exported to \(json)\n", "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Self.bytes(json)) as? [[String: Any]])
        #expect(rows.map { $0["company_id"] as? Int } == [1])
        // --format, when given, wins.
        let csv = try Harness.kawal(["export", "companies", "--db", db, "--out", json, "--search", name, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(Array(try Self.bytes(json).prefix(3)) == [0xEF, 0xBB, 0xBF])
        let one = try Harness.kawal(["export", "companies", "--db", db, "--out", dir.path + "/a.csv", "--search", "zzz-none", "--lang", "en"])
        #expect(one.stderr == "0 rows exported to \(dir.path)/a.csv\n")
    }
}
