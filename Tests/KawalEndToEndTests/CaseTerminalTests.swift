import Foundation
import Testing

/// The case desk in a real terminal, as the demo's writer (an officer with cases): the
/// worklist, a visit logged through its form, an escalation refused with its reason, and
/// Esc on a form that has something typed.
@Suite("Case desk in the terminal", .serialized)
struct CaseTerminalTests {
    /// A private copy of the demo database: these tests write to it.
    func copyOfDemo() throws -> String {
        let path = Harness.tempDir("kawal-case").appendingPathComponent("demo.sqlite").path
        let r = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", Harness.demoDatabase, "VACUUM INTO '\(path)'"])
        try #require(r.status == 0, "\(r.stderr)")
        return path
    }

    func start(db: String, lang: String = "id", folder: URL = Harness.tempDir("kawal-case-cwd")) throws -> TmuxSession {
        let cmd = "trap : INT; cd \(folder.path) && env TERM=xterm-256color LANG=C.UTF-8 \(Harness.binary) --db \(db) --today \(Harness.goldenToday) --lang \(lang)"
        return try TmuxSession(command: "sh -c '\(cmd)'")
    }

    func sql(_ db: String, _ query: String) throws -> String {
        let r = try Harness.run("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 20000", db, query])
        try #require(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func logAVisitThroughTheFormAndSeeItInTheTimeline() throws {
        let db = try copyOfDemo()
        let t = try start(db: db)
        // The officer starts on today's worklist; Enter opens the first case.
        try t.waitFor("Tenggat jatuh tempo")
        try t.send("Enter")
        try t.waitFor("Riwayat kasus")
        try t.send("V")
        try t.waitFor("Catat kunjungan")
        for _ in 0..<3 { try t.send("Tab") }
        try t.send("Pak Karyo", literal: true)
        // Esc on a form with something typed asks first; "n" keeps what was typed.
        try t.send("Escape")
        try t.waitFor("Buang isian formulir ini?")
        try t.send("n")
        var screen = try t.waitUntil("the form again") { !$0.contains("Buang isian") && $0.contains("Catat kunjungan") }
        #expect(screen.contains("Pak Karyo"))
        // A count with a letter in it is refused in place.
        for _ in 0..<2 { try t.send("Tab") }
        try t.send("12a", literal: true)
        try t.send("Enter")
        try t.waitFor("Isi angka bulat")
        try t.send("BSpace")
        for _ in 0..<2 { try t.send("Tab") }
        try t.send("Pekerja harian belum didaftarkan", literal: true)
        try t.send("Enter")
        screen = try t.waitFor("Tersimpan: Kunjungan")
        #expect(screen.contains("Riwayat kasus"))
        screen = try t.waitFor("12 TK dihitung")
        #expect(screen.contains("27 Nov 2026 Kunjungan    Kunjungan · bertemu · 12 TK dihitung"), "\(screen)")
        // It is in the database, recorded as the OS login.
        let login = try #require(String(validatingCString: getpwuid(geteuid()).pointee.pw_name))
        let stored = try sql(db, "SELECT actor FROM case_event WHERE kind = 'visit' AND detail LIKE '%Pekerja harian belum didaftarkan%'")
        #expect(stored == login)
        try t.send("q")
    }

    @Test func escalatingTooEarlyShowsTheReasonAndWritesNothing() throws {
        let db = try copyOfDemo()
        // A case on Teguran I whose deadline has not passed and that waits on no promise.
        let name = try sql(db, """
            SELECT co.name FROM compliance_case c JOIN company co ON co.id = c.company_id
            WHERE c.stage = 'warning1' AND c.next_deadline > '\(Harness.goldenToday)' AND c.promise_until IS NULL
              AND (SELECT count(*) FROM company x WHERE x.name_key LIKE '%' || co.name_key || '%') = 1
            ORDER BY co.name_key LIMIT 1
            """)
        try #require(!name.isEmpty, "the demo has no case on Teguran I before its deadline")
        let before = try sql(db, "SELECT count(*) FROM case_event")
        let t = try start(db: db)
        try t.leaveWorklist()
        try t.waitFor("perusahaan")
        try t.send("/")
        try t.send(name, literal: true)
        try t.send("Enter")
        try t.waitUntil("the search result") { $0.contains("Cari:") && $0.split(separator: "\n").dropFirst(3).first?.contains(name.prefix(20)) == true }
        try t.send("Enter")
        var screen = try t.waitFor("Naik tahap:")
        // The reason next to the greyed-out action names the day it becomes possible.
        #expect(screen.contains("Teguran II bisa dikirim mulai"), "\(screen)")
        // The stage form says it too, and offers only stepping down.
        try t.send("E")
        screen = try t.waitFor("Ubah tahap")
        #expect(screen.contains("Naik tahap belum bisa: Teguran II bisa dikirim mulai"), "\(screen)")
        #expect(screen.contains("Turun ke Kunjungan"))
        #expect(!screen.contains("Naik ke Teguran II"))
        try t.send("Escape")
        try t.waitFor("Riwayat kasus")
        #expect(try sql(db, "SELECT count(*) FROM case_event") == before)
        try t.send("q")
    }

    @Test func theLetterPreviewWritesTheLetterToAFileAndSaysWhere() throws {
        let folder = Harness.tempDir("kawal-letter-cwd")
        let t = try start(db: Harness.demoDatabase, folder: folder)
        try t.waitFor("Tenggat jatuh tempo")
        try t.send("Enter")
        try t.waitFor("Riwayat kasus")
        try t.send("S")
        try t.waitFor("Pratinjau surat")
        try t.waitFor("Dengan hormat")
        try t.send("j")
        try t.send("w")
        let screen = try t.waitFor("Surat ditulis ke")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("surat-") }
        try #require(files.count == 1, "\(files)")
        #expect(screen.contains(files[0].prefix(20)))
        let text = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text.contains("BPJS Ketenagakerjaan"))
        #expect(text.contains("(nomor diberikan saat dicatat)"))
        // A second write never overwrites the first.
        try t.send("w")
        try t.waitUntil("a second file") { _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("surat-") }.count == 2
        }
        try t.send("q")
    }

    @Test func theWorklistSwitchesBetweenMineAllAndTheCompaniesList() throws {
        let t = try start(db: Harness.demoDatabase, lang: "en")
        var screen = try t.waitFor("Deadlines due")
        #expect(screen.contains("Cases of"))
        try t.send("m")
        screen = try t.waitUntil("all cases") { $0.contains("All cases") && $0.contains("Deadlines due") }
        #expect(screen.contains("Per stage"))
        try t.send("t")
        try t.waitFor("companies")
        try t.send("t")
        try t.waitFor("Deadlines due")
        try t.send("q")
    }
}
