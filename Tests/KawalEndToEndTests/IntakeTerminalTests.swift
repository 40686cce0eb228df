import Foundation
import Testing

/// Data intake in a real terminal: the export key, the import history, the duplicate review.
@Suite("Intake in the terminal", .serialized)
struct IntakeTerminalTests {
    /// Starts kawal in tmux in `folder` (where the export key writes).
    func start(db: String, folder: URL, lang: String = "id") throws -> TmuxSession {
        let cmd = "trap : INT; cd \(folder.path) && env TERM=xterm-256color LANG=C.UTF-8 \(Harness.binary) --db \(db) --today \(Harness.goldenToday) --lang \(lang)"
        let session = try TmuxSession(command: "sh -c '\(cmd)'")
        try session.leaveWorklist()
        return session
    }

    @Test func theExportKeyWritesWhatTheListShows() throws {
        let folder = Harness.tempDir("kawal-export-key")
        let t = try start(db: Harness.demoDatabase, folder: folder)
        try t.waitFor("3.000 perusahaan")
        try t.send("/")
        try t.send("batik", literal: true)
        try t.send("Enter")
        let screen = try t.waitUntil("the search count") { $0.contains("Cari: \"batik\"") && !$0.contains("menghitung") && !$0.contains("+ perusahaan") }
        let header = try #require(screen.split(separator: "\n").first)
        let shown = try #require(Int(header.split(separator: " ").dropLast().last?.replacingOccurrences(of: ".", with: "") ?? ""))
        try t.send("e")
        let done = try t.waitFor("baris diekspor ke")
        let path = folder.appendingPathComponent("kawal-perusahaan-\(Harness.goldenToday).csv").path
        let shownText = header.split(separator: " ").dropLast().last.map(String.init) ?? ""
        #expect(done.contains("\(shownText) baris diekspor ke"), "\(done)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0].hasPrefix("ID Perusahaan;Nama Usaha;"))
        #expect(lines.count == shown + 1)
        // Codes as Excel keeps them: every NIB, and the phone's leading 0.
        #expect(lines.dropFirst().contains { $0.range(of: #";="\d{13}";"#, options: .regularExpression) != nil })
        #expect(lines.dropFirst().allSatisfy { $0.range(of: #";\d{13};"#, options: .regularExpression) == nil })
        #expect(lines.dropFirst().contains { $0.contains(";=\"0") })
        // A second export never overwrites the first.
        try t.send("e")
        try t.waitFor("-2.csv")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kawal-perusahaan-\(Harness.goldenToday)-2.csv").path))
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }
}

extension IntakeTerminalTests {
    /// A private copy of the intake fixture, for tests that write.
    static func writableIntakeDatabase() throws -> String {
        let path = Harness.tempDir("kawal-review").appendingPathComponent("review.sqlite").path
        try FileManager.default.copyItem(atPath: IntakeFixture.database, toPath: path)
        return path
    }

    /// `3.004`: a count as the Indonesian screens write it.
    static func indonesian(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "." }
            out.append(d)
        }
        return out
    }

    /// The number after `label #` on the screen.
    static func number(after label: String, in screen: String) -> Int64? {
        guard let r = screen.range(of: label + "#") else { return nil }
        return Int64(screen[r.upperBound...].prefix { $0.isNumber })
    }

    /// The README's "Try it on the demo": the two lists in `examples/` imported into the demo
    /// `kawal --demo` writes (5,000 companies, seed 1) do what it says, and merging the second
    /// pair in the terminal puts the Patuh note on that company's case.
    /// The README's demo with both example lists imported into it, as the README says; what
    /// each import printed.
    static func demoWithTheExamples(in dir: URL) throws -> (db: String, printed: [String]) {
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try Harness.kawal(["demo", "--db", db, "--companies", "5000", "--seed", "1", "--today", Harness.goldenToday]).status == 0)
        var printed: [String] = []
        for (source, status) in [("pemkot", Int32(3)), ("bpjs", 0)] {
            let name = "\(source)-desember.csv"
            // A copy: the refused row's file is written beside the list.
            let list = dir.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: Harness.root.appendingPathComponent("examples/" + name).path, toPath: list)
            let r = try Harness.kawal(["import", "--source", source, list, "--db", db, "--today", Harness.goldenToday])
            #expect(r.status == status, "\(r.stderr)")
            printed.append(r.stdout)
        }
        return (db, printed)
    }

    /// A pair reviewed after officers worked both companies' cases: the review shows both cases,
    /// o opens the company from the import, and the merge leaves one open case, the one higher
    /// on the ladder, the other closed as a duplicate and named on its timeline.
    @Test func mergingTwoWorkedCasesInTheTerminalLeavesOneOpen() throws {
        let dir = Harness.tempDir("kawal-merge-cases")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (db, _) = try Self.demoWithTheExamples(in: dir)
        let pair = try CaseCommandTests.sql(db, """
            SELECT p.existing_id || ' ' || p.incoming_id || ' ' || (SELECT id FROM compliance_case WHERE company_id = p.existing_id)
                || ' ' || (SELECT id FROM compliance_case WHERE company_id = p.incoming_id)
            FROM duplicate_pair p WHERE p.status = 'pending' ORDER BY p.id LIMIT 1
            """).split(separator: " ").map { String($0) }
        try #require(pair.count == 4, "\(pair)")
        let (existingCase, incomingCase) = (pair[2], pair[3])
        // An officer sent the company from the import its notification meanwhile.
        let letter = try Harness.kawal(["case", "log-letter", incomingCase, "--kind", "notification", "--db", db, "--today", Harness.goldenToday])
        #expect(letter.status == 0, "\(letter.stderr)")

        let t = try start(db: db, folder: dir)
        try t.waitFor("perusahaan")
        try t.send("D")
        let review = try t.waitFor("Pasangan 1 dari 2")
        let row = review.split(separator: "\n").first { $0.hasPrefix(" Kasus ") }.map(String.init) ?? ""
        #expect(row.contains("#\(existingCase) Kunjungan") && row.contains("#\(incomingCase) Sosialisasi"), "\(review)")
        try t.send("o")
        try t.waitFor("Surat pemberitahuan")
        try t.send("Escape")
        try t.waitFor("Pasangan 1 dari 2")
        try t.send("M")
        try t.waitFor("Gabungkan?")
        try t.send("y")
        try t.waitFor("Pasangan 1 dari 1")
        // The company the pair became: its case goes on, and names the one closed.
        let name = try CaseCommandTests.sql(db, "SELECT name FROM company WHERE id = \(pair[0])")
        try t.send("Escape")
        try t.waitFor("perusahaan")
        try t.send("/")
        try t.send(name, literal: true)
        try t.send("Enter")
        try t.waitFor("1 perusahaan")
        try t.send("Enter")
        try t.waitFor("kasus \(incomingCase) ditutup sebagai data ganda")
        try t.send("Escape")
        try t.waitFor("1 perusahaan")
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
        #expect(try CaseCommandTests.sql(db, "SELECT id || ':' || stage FROM compliance_case WHERE id IN (\(existingCase), \(incomingCase)) ORDER BY id")
                == "\(existingCase):visited\n\(incomingCase):closed")
        let shown = try Harness.kawal(["case", "show", incomingCase, "--db", db, "--today", Harness.goldenToday])
        #expect(shown.stdout.contains("Data ganda · berlanjut di kasus \(existingCase)"), "\(shown.stdout)")
    }

    @Test func theExampleListsDoWhatTheReadmeSays() throws {
        let dir = Harness.tempDir("kawal-examples")
        defer { try? FileManager.default.removeItem(at: dir) }
        let readme = try String(contentsOf: Harness.root.appendingPathComponent("README.md"), encoding: .utf8)
        for source in ["pemkot", "bpjs"] {
            #expect(readme.contains("swift run kawal import --source \(source) examples/\(source)-desember.csv --db ~/.local/share/kawal/demo.sqlite"))
        }
        let (db, printed) = try Self.demoWithTheExamples(in: dir)
        #expect(printed[0].contains("""
              Dibaca                8
              Baru                  2
              Digabung              3
              Tidak berubah         1
              Kemungkinan duplikat  1
              Ditolak               1
            Baris JUMLAH/TOTAL (bukan perusahaan) dilewati: 1
            """), "\(printed[0])")
        #expect(printed[1].contains("""
              Dibaca                5
              Baru                  1
              Digabung              3
              Tidak berubah         0
              Kemungkinan duplikat  1
              Ditolak               0
            """) && printed[1].contains("catatan kepatuhan pada kasus terbuka: 2\n"), "\(printed[1])")
        let rejected = try String(contentsOf: dir.appendingPathComponent("pemkot-desember.csv.rejected.csv"), encoding: .utf8)
        #expect(rejected.contains("Toko Baru Jaya") && rejected.contains("digit pemeriksa tidak cocok"))

        let t = try start(db: db, folder: dir)
        try t.waitFor("perusahaan")
        try t.send("D")
        try t.waitFor("CV Tailor Rahayu Putri")
        try t.send("j")
        try t.waitFor("Pasangan 2 dari 2")
        try t.send("M")
        try t.waitFor("Gabungkan?")
        try t.send("y")
        try t.waitFor("Pasangan 1 dari 1")
        try t.send("Escape")
        try t.waitFor("5.004 perusahaan")
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
        let noted = try CaseCommandTests.sql(db, """
            SELECT co.name FROM case_event e JOIN compliance_case c ON c.id = e.case_id
            JOIN company co ON co.id = c.company_id WHERE e.detail LIKE '%BPJAMSOSTEK: Patuh%' ORDER BY co.name
            """)
        #expect(noted == "Batik Cap Sogan Pekalongan\nGarmen Putra Mandiri Putra\nGriya Batik Lasem Sari Jaya")
    }

    @Test func reviewingPairsInTheTerminalMergesOneAndKeepsOneApart() throws {
        let db = try Self.writableIntakeDatabase()
        let before = try Harness.kawal(["export", "companies", "--db", db, "--format", "json"])
        let companiesBefore = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [[String: Any]]).count
        let t = try start(db: db, folder: Harness.tempDir("kawal-review-cwd"))
        try t.waitFor("perusahaan")
        try t.send("D")
        var screen = try t.waitFor("Pasangan 1 dari 3")
        let existing = try #require(Self.number(after: "Sudah ada · ", in: screen))
        let incoming = try #require(Self.number(after: "Dari impor · ", in: screen))
        try t.send("M")
        try t.waitFor("Gabungkan?")
        try t.send("n")
        try t.waitUntil("the confirmation to close") { !$0.contains("Gabungkan?") }
        try t.send("M")
        try t.waitFor("Gabungkan?")
        try t.send("y")
        screen = try t.waitFor("Digabung: #\(incoming) ke #\(existing)")
        try t.waitFor("Pasangan 1 dari 2")
        try t.send("B")
        try t.waitFor("Bukan duplikat?")
        try t.send("y")
        try t.waitFor("Ditandai bukan duplikat")
        try t.waitFor("Pasangan 1 dari 1")
        try t.send("Escape")
        try t.waitFor("\(Self.indonesian(companiesBefore - 1)) perusahaan")
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }

        // The store agrees: the imported company is gone, the other pair stays two companies.
        let after = try Harness.kawal(["export", "companies", "--db", db, "--format", "json"])
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]).compactMap { $0["company_id"] as? Int }
        #expect(ids.count == companiesBefore - 1)
        #expect(!ids.contains(Int(incoming)))
        #expect(ids.contains(Int(existing)))
        let pending = try Harness.run("/usr/bin/env", ["sqlite3", db, "SELECT status, resolved_by IS NOT NULL FROM duplicate_pair ORDER BY id"])
        #expect(pending.stdout == "merged|1\nkeptApart|1\npending|0\n", "\(pending.stdout)")
    }

    /// A first import writes with a rollback journal, so nobody can read the file until it
    /// commits. The desk opened meanwhile says so and opens once the writer is done, past the
    /// five seconds a read waits for a lock, instead of giving up.
    @Test func theDeskOpenedDuringAFirstImportWaitsForItToCommit() throws {
        let folder = Harness.tempDir("kawal-wait")
        let db = folder.appendingPathComponent("desk.sqlite").path
        let copy = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", Harness.demoDatabase, "VACUUM INTO '\(db)'"])
        try #require(copy.status == 0, "\(copy.stderr)")
        // Another program holds the file as an import into an empty database does: a rollback
        // journal and an exclusive lock, until told to commit.
        let held = folder.appendingPathComponent("held").path
        let release = folder.appendingPathComponent("release").path
        let writer = try ImportCommandTests.spawn("/usr/bin/env", [
            "sqlite3", db, "PRAGMA journal_mode=DELETE;", "BEGIN EXCLUSIVE;",
            ".shell touch \(held); while [ ! -e \(release) ]; do sleep 0.05; done", "COMMIT;",
        ])
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: held), Date() < deadline { usleep(10_000) }
        try #require(FileManager.default.fileExists(atPath: held))

        let cmd = "trap : INT; env TERM=xterm-256color LANG=C.UTF-8 \(Harness.binary) --db \(db) --today \(Harness.goldenToday) --lang en"
        let t = try TmuxSession(command: "sh -c '\(cmd)'")
        try t.waitFor("Waiting for it to finish")
        sleep(6)
        let waiting = try t.screen()
        #expect(waiting.contains("is being written by another program"), "\(waiting)")
        #expect(!waiting.contains("Cannot open"), "\(waiting)")
        #expect(try !t.paneDead())

        #expect(FileManager.default.createFile(atPath: release, contents: nil))
        #expect(try ImportCommandTests.waitForExit(writer) == 0)
        try t.leaveWorklist()
        try t.waitFor("3,000 companies")
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }

    /// A long export from the list counts its rows and can be cancelled: e again asks, y stops it,
    /// and no file is left, not even the temporary one.
    /// A demo of 100,000 companies, written once for the tests of long exports (about 8 s).
    static let bigDemo: String = {
        let db = Harness.tempDir("kawal-big").appendingPathComponent("besar.sqlite").path
        _ = try? Harness.kawal(["demo", "--db", db, "--companies", "100000", "--seed", "1", "--today", Harness.goldenToday])
        return db
    }()

    @Test func aLongExportCountsItsRowsAndCanBeCancelled() throws {
        let dir = Harness.tempDir("kawal-cancel")
        let db = Self.bigDemo
        let folder = dir.appendingPathComponent("rapat")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let t = try start(db: db, folder: folder)
        try t.waitFor("100.000 perusahaan")
        try t.send("e")
        try t.waitFor("dari 100.000 baris · e batalkan")
        try t.send("e")
        try t.waitFor("Ekspor masih berjalan. Batalkan?")
        try t.send("y")
        try t.waitFor("Ekspor dibatalkan; tidak ada berkas yang ditulis.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }

    /// `kawal export --out` at a terminal counts the rows on one line, which is gone at the end;
    /// without a terminal it prints only the last line (the other export tests).
    @Test func aLongExportAtATerminalCountsItsRows() throws {
        let dir = Harness.tempDir("kawal-count")
        let out = dir.appendingPathComponent("rapat.csv").path
        let log = dir.appendingPathComponent("pane.log").path
        // A moment's wait, so that everything it writes reaches the log.
        let t = try TmuxSession(command: "sh -c 'sleep 0.5; \(Harness.binary) export companies --db \(Self.bigDemo) --out \(out)'",
                                environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        try t.tmux(["pipe-pane", "-o", "-t", t.name, "cat >> \(log)"])
        let screen = try t.waitFor("100.000 baris diekspor ke \(out)", timeout: 60)
        #expect(!screen.contains("Mengekspor"))
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(written.contains("\rMengekspor… 20.000 baris"))
        #expect(written.contains("\rMengekspor… 100.000 baris"))
    }

    /// The steward imports the month's lists while an officer has Kawal open: the list and the
    /// import history show them within seconds, without a key, and the selection stays put.
    @Test func anImportElsewhereShowsUpWithoutAKeyPressed() throws {
        let dir = Harness.tempDir("kawal-live")
        let db = dir.appendingPathComponent("demo.sqlite").path
        #expect(try Harness.kawal(["demo", "--db", db, "--companies", "5000", "--seed", "1", "--today", Harness.goldenToday]).status == 0)
        let t = try start(db: db, folder: dir)
        try t.waitFor("5.000 perusahaan")
        try t.send("j", "j", "j")
        let before = try t.waitFor("4 dari 5.000")
        let selected = try #require(before.split(separator: "\n").first { $0.hasPrefix("▸") })
        func importList(_ source: String) throws {
            let list = dir.appendingPathComponent("\(source)-desember.csv").path
            try? FileManager.default.copyItem(atPath: Harness.root.appendingPathComponent("examples/\(source)-desember.csv").path, toPath: list)
            let r = try Harness.kawal(["import", "--source", source, list, "--db", db, "--today", Harness.goldenToday])
            #expect(r.status == 0 || r.status == 3, "\(r.stderr)")
        }
        try importList("pemkot")
        let after = try t.waitFor("5.003 perusahaan")
        // Said on the message line, with who imported it.
        try t.waitFor("Impor #1 (Pemkot, \(NSUserName())): 2 baru, 3 digabung, 1 perlu ditinjau")
        #expect(after.split(separator: "\n").first { $0.hasPrefix("▸") } == selected)
        #expect(after.contains("4 dari 5.003"))
        try t.send("i")
        try t.waitFor("pemkot-desember.csv")
        try importList("bpjs")
        let history = try t.waitFor("2 impor")
        // The import that was selected still is, below the new one.
        let rows = history.split(separator: "\n").filter { $0.contains("-desember.c") && $0.contains("/26 ") }
        #expect(rows.count == 2 && rows[0].contains("bpjs") && rows[1].hasPrefix("▸") && rows[1].contains("pemkot"), "\(history)")
        try t.send("q")
        try t.waitUntil("the list") { !$0.contains("Riwayat impor") }
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func theImportHistoryShowsWhatEachImportDid() throws {
        let t = try start(db: IntakeFixture.database, folder: Harness.tempDir("kawal-history-cwd"), lang: "en")
        try t.waitFor("companies")
        try t.send("i")
        let screen = try t.waitFor("bpjs-november.csv")
        #expect(screen.contains("2 imports"))
        #expect(screen.contains("dewi.lestari"))
        // The older import, with the column it ignored.
        try t.send("j")
        let pemkot = try t.waitFor("Ignored columns: Keterangan")
        #expect(pemkot.contains("File     /home/dewi.lestari/impor/pemkot-november.csv"))
        #expect(pemkot.contains("6 read: 1 new, 1 merged, 0 unchanged, 3 flagged for review, 1 rejected"))
        try t.send("q")
        try t.waitUntil("the list") { $0.contains("companies") && !$0.contains("Import history") }
        try t.send("q")
        try t.waitUntil("kawal to exit") { _ in (try? t.paneDead()) == true }
    }
}
