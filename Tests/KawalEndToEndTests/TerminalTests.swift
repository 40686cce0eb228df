import Foundation
import Testing

/// The real binary in a real terminal: open, move, search, open a company, resize, and quit
/// in each way a session ends, checking every time that the terminal is left sane.
@Suite("Terminal", .serialized)
struct TerminalTests {
    static let db = Harness.demoDatabase

    /// Starts kawal in tmux under a shell that records `stty -a` once kawal has exited.
    func startKawal(_ extra: String = "", env: [String: String] = [:], width: Int = 80, height: Int = 24) throws -> (TmuxSession, URL) {
        let out = Harness.tempDir("kawal-tty").appendingPathComponent("stty.txt")
        // The shell survives Ctrl-C (its handler is reset for kawal) to record the terminal state.
        let vars = ["TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(env) { $1 }
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let cmd = "trap : INT; env \(vars) \(Harness.binary) --db \(TerminalTests.db) --today \(Harness.goldenToday) \(extra); echo \"exit=$?\" > \(out.path).code; stty -a > \(out.path)"
        let session = try TmuxSession(command: "sh -c '\(cmd)'", width: width, height: height)
        if width >= 40, height >= 10 { try session.leaveWorklist() }
        return (session, out)
    }

    /// The kawal process: the child of the pane's shell.
    func kawalPID(_ t: TmuxSession) throws -> Int32 {
        let shell = try t.panePID()
        let children = try Harness.run("/usr/bin/env", ["pgrep", "-P", String(shell)]).stdout
        return try #require(Int32(children.split(separator: "\n").first.map(String.init) ?? ""))
    }

    /// Waits for the shell to write `stty -a` and checks that echo and canonical mode are back.
    func expectSaneTerminal(_ out: URL) throws {
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: out.path), Date() < deadline { usleep(50_000) }
        usleep(100_000)
        let stty = try String(contentsOf: out, encoding: .utf8)
        let words = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(words.contains("echo"), "echo is off after exit:\n\(stty)")
        #expect(words.contains("icanon"), "canonical mode is off after exit:\n\(stty)")
        #expect(words.contains("icrnl"), "icrnl is off after exit:\n\(stty)")
    }

    @Test func browseSearchOpenResizeAndQuitWithQ() throws {
        let (t, out) = try startKawal()
        var screen = try t.waitFor("perusahaan")
        #expect(screen.contains("Kawal · Cabang Pekalongan"))
        #expect(screen.contains("3.000 perusahaan"))
        // Move down twice: the position follows.
        try t.send("j")
        try t.send("Down")
        screen = try t.waitFor("3 dari 3.000")
        try t.send("PageDown")
        try t.waitFor("22 dari 3.000")
        try t.send("G")
        try t.waitFor("3.000 dari 3.000")
        try t.send("g")
        try t.waitFor("1 dari 3.000")
        // Ctrl-L repaints everything, even what something else scribbled over.
        let tty = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_tty}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try #require(FileHandle(forWritingAtPath: tty))
        handle.write(Data("GARBAGE".utf8))
        try handle.close()
        try t.waitFor("GARBAGE")
        try t.send("C-l")
        try t.waitUntil("a clean repaint") { !$0.contains("GARBAGE") && $0.contains("1 dari 3.000") }
        // Incremental search: results update as the letters arrive.
        try t.send("/")
        try t.send("sekar", literal: true)
        screen = try t.waitFor("Cari: \"sekar\"")
        try t.send("Enter")
        screen = try t.waitUntil("search results") { s in
            let rows = s.split(separator: "\n").dropFirst(3).prefix(19)
            return rows.contains { $0.lowercased().contains("sekar") }
        }
        // Open the selected company and see its profile, ladder and history.
        try t.send("Enter")
        // The history may arrive a frame after the profile and ladder on a loaded machine.
        screen = try t.waitUntil("the profile, ladder and history") { $0.contains("Tangga penegakan") && $0.contains("Riwayat kasus") }
        #expect(screen.contains("NPWP"))
        // Resize: the screen is laid out again at once.
        try t.resize(width: 100, height: 30)
        screen = try t.waitUntil("wider layout") { s in
            s.contains("Tangga penegakan") && s.split(separator: "\n").contains { $0.count > 90 }
        }
        try t.resize(width: 30, height: 8)
        try t.waitFor("terlalu kecil")
        try t.resize(width: 80, height: 24)
        try t.waitFor("Tangga penegakan")
        try t.send("q")
        try t.waitFor("perusahaan")
        try t.send("q")
        try expectSaneTerminal(out)
        #expect(try String(contentsOf: URL(fileURLWithPath: out.path + ".code"), encoding: .utf8).contains("exit=0"))
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let (t, out) = try startKawal()
        try t.waitFor("perusahaan")
        try t.send("j")
        try t.send("C-c")
        try expectSaneTerminal(out)
    }

    @Test func hangupRestoresTheTerminal() throws {
        let (t, out) = try startKawal()
        try t.waitFor("perusahaan")
        // The shell's child is kawal: send it the hangup a dropped SSH session sends.
        let pid = try kawalPID(t)
        kill(pid, SIGHUP)
        try expectSaneTerminal(out)
    }

    @Test func droppedSessionEndsTheProcess() throws {
        let (t, _) = try startKawal()
        try t.waitFor("perusahaan")
        let pid = try kawalPID(t)
        try t.kill()
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline { usleep(50_000) }
        #expect(kill(pid, 0) != 0, "kawal kept running after its terminal went away")
    }

    @Test func hostileCompanyNamesAreShownHarmlessly() throws {
        // A company whose name carries escape sequences (a window-title change, a screen clear)
        // and emoji must be shown as text and change nothing in the terminal.
        let dir = Harness.tempDir()
        let path = dir.appendingPathComponent("evil.sqlite").path
        let made = try Harness.kawal(["demo", "--db", path, "--companies", "50", "--seed", "3", "--today", Harness.goldenToday])
        try #require(made.status == 0, "\(made.stderr)")
        let sql = """
            UPDATE company SET name = 'Batik ' || char(27) || ']2;PWNED' || char(7) || char(27) || '[2J🎨 Ñoman'
            WHERE id = (SELECT id FROM company ORDER BY name_key, id LIMIT 1);
            """
        let updated = try Harness.run("/usr/bin/env", ["sqlite3", path, sql])
        try #require(updated.status == 0, "\(updated.stderr)")
        let out = Harness.tempDir("kawal-tty").appendingPathComponent("stty.txt")
        let cmd = "\(Harness.binary) --db \(path) --today \(Harness.goldenToday); stty -a > \(out.path)"
        let t = try TmuxSession(command: "sh -c '\(cmd)'", environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        try t.leaveWorklist()
        let screen = try t.waitFor("perusahaan")
        #expect(screen.contains("Batik ␛]2;PWNED␇␛[2J"), "\(screen)")
        #expect(screen.contains("Kawal · Cabang Pekalongan"))
        let title = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_title}"]).stdout
        #expect(!title.contains("PWNED"))
        try t.send("q")
        try expectSaneTerminal(out)
    }

    @Test func tinyTerminalVt100AndNoColorWork() throws {
        let (t, out) = try startKawal(env: ["TERM": "vt100", "NO_COLOR": "1"], width: 30, height: 8)
        try t.waitFor("terlalu kecil")
        try t.resize(width: 80, height: 24)
        // The demo's writer has cases: the worklist, in ASCII on vt100.
        // The section's heading can come a frame before its rows: wait for the cursor's row,
        // whichever marker it has, then check which.
        let today = try t.waitUntil("the worklist's rows") {
            $0.contains("Tenggat jatuh tempo") && ($0.contains("> ") || $0.contains("▸"))
        }
        #expect(today.contains("Hari ini"))
        #expect(today.contains("> "))
        #expect(!today.contains("▸"))
        try t.send("t")
        let screen = try t.waitFor("perusahaan")
        // ASCII marker on vt100.
        #expect(screen.contains(">"))
        try t.send("q")
        try expectSaneTerminal(out)
    }

    @Test func englishWithLangEn() throws {
        let (t, out) = try startKawal("--lang en")
        let screen = try t.waitFor("companies")
        #expect(screen.contains("3,000 companies"))
        try t.send("?")
        try t.waitFor("Help")
        try t.send("Escape")
        try t.send("q")
        try expectSaneTerminal(out)
    }
}
