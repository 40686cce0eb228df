import Foundation
import Testing

/// The command line a user or a script meets: bad databases, bad input, the demo.
@Suite("Command line")
struct CommandLineTests {
    @Test func aFileThatIsNotADatabaseIsRefusedInOneLine() throws {
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("notes.sqlite").path
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let r = try Harness.kawal(["render", "companies", "--db", path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bukan basis data"))
        #expect(r.stderr.split(separator: "\n").count == 1, "more than one line: \(r.stderr)")
        // The file is left exactly as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let en = try Harness.kawal(["render", "companies", "--db", path, "--lang", "en"])
        #expect(en.stderr.contains("not a Kawal database"))
    }

    @Test func aDatabaseFromANewerKawalIsRefused() throws {
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("newer.sqlite").path
        let made = try Harness.kawal(["demo", "--db", path, "--companies", "20", "--today", Harness.goldenToday])
        try #require(made.status == 0, "\(made.stderr)")
        let sql = try Harness.run("/usr/bin/env", ["sqlite3", path, "INSERT INTO grdb_migrations(identifier) VALUES ('v999-from-the-future')"])
        try #require(sql.status == 0, "\(sql.stderr)")
        let r = try Harness.kawal(["render", "companies", "--db", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("v999-from-the-future"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingFoldersAreCreatedAndTheEnvironmentPathIsUsed() throws {
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("a/b/c/kawal.sqlite").path
        let r = try Harness.kawal(["demo", "--companies", "10", "--today", Harness.goldenToday], environment: ["KAWAL_DB": path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
        let xdg = dir.appendingPathComponent("xdg").path
        let r2 = try Harness.kawal(["demo", "--companies", "10", "--today", Harness.goldenToday], environment: ["XDG_DATA_HOME": xdg])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(FileManager.default.fileExists(atPath: xdg + "/kawal/kawal.sqlite"))
    }

    @Test func demoRefusesToMixWithExistingData() throws {
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("d.sqlite").path
        #expect(try Harness.kawal(["demo", "--db", path, "--companies", "10", "--today", Harness.goldenToday]).status == 0)
        let again = try Harness.kawal(["demo", "--db", path, "--companies", "10", "--today", Harness.goldenToday])
        #expect(again.status == 1)
        #expect(again.stderr.contains("sudah berisi data"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let db = Harness.demoDatabase
        let date = try Harness.kawal(["render", "companies", "--db", db, "--today", "31/02/2026"])
        #expect(date.status != 0)
        #expect(date.stderr.contains("31/02/2026"))
        let lang = try Harness.kawal(["render", "companies", "--db", db, "--lang", "jv"])
        #expect(lang.status != 0)
        #expect(lang.stderr.contains("jv"))
    }

    /// Every `--help` page speaks the user's language: the commands' texts come from the
    /// catalogues, and the parser's headings and phrases are said again. The commands are
    /// found from the pages themselves, so a new one is checked too.
    @Test func everyHelpPageIsInIndonesianAndInEnglishWithLangEn() throws {
        // Words an English sentence of ours cannot do without, and Indonesian never uses.
        let english: Set<String> = ["the", "and", "or", "of", "a", "an", "to", "with", "is", "for", "from", "its", "as", "by", "on", "in"]
        func words(_ line: String) -> [String] {
            line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()\"'")).lowercased() }
        }
        var queue: [[String]] = [[]]
        var seen = 0
        while let path = queue.popLast() {
            seen += 1
            let id = try Harness.kawal(path + ["--help"])
            let en = try Harness.kawal(path + ["--help", "--lang", "en"])
            #expect(id.status == 0 && en.status == 0, "\(path): \(id.stderr)\(en.stderr)")
            let name = (["kawal"] + path).joined(separator: " ")
            #expect(id.stdout.contains("PEMAKAIAN: \(name)"), "\(name)")
            #expect(id.stdout.contains("Tampilkan bantuan ini."), "\(name)")
            #expect(en.stdout.contains("USAGE: \(name)") && en.stdout.contains("Show help information."), "\(name)")
            for line in id.stdout.split(separator: "\n") where !line.contains("PEMAKAIAN:") {
                let found = words(String(line)).filter(english.contains)
                #expect(found.isEmpty, "\(name): English in \"\(line)\"")
            }
            #expect(words(en.stdout).filter(english.contains).count > 3, "\(name)")
            // The subcommands the page lists.
            let lines = id.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(of: "SUBPERINTAH:") {
                for line in lines[(start + 1)...] {
                    guard line.hasPrefix("  "), let first = line.split(separator: " ").first,
                          first.allSatisfy({ $0.isLowercase || $0 == "-" }), !line.hasPrefix("   ") else { continue }
                    queue.append(path + [String(first)])
                }
            }
        }
        // kawal, its ten commands, the case desk's ten, officer's, holiday's, bench import.
        #expect(seen >= 25, "\(seen) pages")
        // `kawal help …`, which every page names, gives the same pages, in either language.
        let help = try Harness.kawal(["help", "case", "escalate", "--lang", "en"])
        #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW: Move a case one stage up"), "\(help.stderr)")
        #expect(try Harness.kawal(["help", "import"]).stdout.hasPrefix("RINGKASAN: Impor daftar Pemkot atau BPJAMSOSTEK"))
    }

    @Test func withoutATerminalTheDeskExplainsItself() throws {
        let dir = Harness.tempDir()
        let missing = dir.appendingPathComponent("none.sqlite").path
        let r = try Harness.kawal(["--db", missing])
        #expect(r.status == 1)
        #expect(r.stderr.contains("kawal demo"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        let db = Harness.demoDatabase
        let r2 = try Harness.kawal(["--db", db])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("terminal"))
    }

    @Test func demoIsDeterministic() throws {
        let dir = Harness.tempDir()
        let a = dir.appendingPathComponent("a.sqlite").path
        let b = dir.appendingPathComponent("b.sqlite").path
        for p in [a, b] {
            #expect(try Harness.kawal(["demo", "--db", p, "--companies", "300", "--seed", "42", "--today", Harness.goldenToday]).status == 0)
        }
        let ra = try Harness.kawal(["render", "companies", "--db", a, "--today", Harness.goldenToday, "--size", "120x40"])
        let rb = try Harness.kawal(["render", "companies", "--db", b, "--today", Harness.goldenToday, "--size", "120x40"])
        #expect(ra.stdout == rb.stdout)
        #expect(ra.stdout.contains("300 perusahaan"))
    }

    /// A database that cannot be created or opened is explained in the user's language, the
    /// reason included (the store names it; the command line words it).
    @Test func aDatabaseThatCannotBeOpenedIsExplainedInTheUsersWords() throws {
        let dir = Harness.tempDir("kawal-open")
        let file = dir.appendingPathComponent("catatan.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let list = dir.appendingPathComponent("pemkot-desember.csv").path
        try FileManager.default.copyItem(atPath: Harness.root.appendingPathComponent("examples/pemkot-desember.csv").path, toPath: list)
        let inFile = try Harness.kawal(["import", "--source", "pemkot", list, "--db", file + "/k.sqlite"])
        #expect(inFile.status == 1)
        #expect(inFile.stderr == "kawal: Tidak dapat membuat \(file)/k.sqlite: folder \(file) tidak dapat dibuat (sebagian jalurnya adalah berkas, bukan folder)\n")
        let en = try Harness.kawal(["case", "list", "--db", file + "/k.sqlite", "--lang", "en"])
        #expect(en.stderr == "kawal: Cannot create \(file)/k.sqlite: folder \(file) cannot be created (part of the path is a file, not a folder)\n")
        let folder = try Harness.kawal(["export", "companies", "--db", dir.path])
        #expect(folder.stderr == "kawal: Tidak dapat membuka \(dir.path): itu sebuah folder\n")
        // A folder this user may not write, a file this user may not read.
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let closed = dir.appendingPathComponent("tertutup")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
        chmod(closed.path, 0o555)
        let secret = dir.appendingPathComponent("rahasia.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: secret)
        chmod(secret, 0o600)
        chmod(dir.path, 0o755)
        let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Harness.binary]
        let write = try Harness.run("/usr/bin/setpriv", asNobody + ["import", "--source", "pemkot", list, "--db", closed.path + "/k.sqlite"])
        #expect(write.stderr == "kawal: Tidak dapat membuat \(closed.path)/k.sqlite: folder \(closed.path) tidak boleh ditulisi oleh pengguna ini\n")
        let read = try Harness.run("/usr/bin/setpriv", asNobody + ["case", "list", "--db", secret])
        #expect(read.stderr == "kawal: Tidak dapat membuka \(secret): berkas itu tidak boleh dibaca oleh pengguna ini\n")
    }

    /// A database file nobody may write (in a folder nobody may write) opens read-only and says so.
    /// Run as an unprivileged user, since root may write any file.
    @Test func aReadOnlyFileOpensReadOnlyWithANotice() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("ro.sqlite").path
        try FileManager.default.copyItem(atPath: Harness.demoDatabase, toPath: path)
        chmod(path, 0o444)
        chmod(dir.path, 0o755)
        let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Harness.binary]
        let r = try Harness.run("/usr/bin/setpriv", asNobody + ["render", "companies", "--db", path, "--today", Harness.goldenToday])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("[HANYA BACA]"))
        #expect(r.stdout.contains("3.000 perusahaan"))
        let t = try TmuxSession(command: "/usr/bin/setpriv " + (asNobody + ["--db", path, "--today", Harness.goldenToday]).joined(separator: " "),
                                environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        let screen = try t.waitFor("perusahaan")
        #expect(screen.contains("HANYA BACA"))
        #expect(screen.contains("hanya bisa dibaca"))
        try t.send("q")
        // Nothing was written beside the file.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == ["ro.sqlite"])
    }
}
