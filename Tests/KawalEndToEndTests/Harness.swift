import Foundation
import Synchronization
import Testing

/// Finds and runs the real `kawal` binary, and drives it in a real terminal (tmux).
enum Harness {
    /// The package root (two levels above this file's folder).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `kawal` binary built beside the test bundle, or `$KAWAL_BIN`.
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["KAWAL_BIN"], !b.isEmpty { return b }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // Inside an .xctest bundle on some platforms.
        if dir.lastPathComponent.hasSuffix(".xctest") || dir.path.contains(".xctest/") {
            while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
        }
        return dir.appendingPathComponent("kawal").path
    }

    /// A fresh temporary folder, removed when the test run ends (a run writes some hundreds of
    /// megabytes of databases; a run killed outright leaves them).
    static func tempDir(_ name: String = "kawal-e2e") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let first = temporaryFolders.withLock { folders in
            folders.append(url)
            return folders.count == 1
        }
        if first { atexit { Harness.removeTemporaryFolders() } }
        return url
    }

    private static let temporaryFolders = Mutex<[URL]>([])

    private static func removeTemporaryFolders() {
        for url in temporaryFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: url) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kawal` with `arguments` and waits for it.
    @discardableResult
    static func kawal(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        try run(binary, arguments, environment: environment, stdin: stdin)
    }

    /// Runs a program with its standard streams on /dev/null and waits for it, with
    /// posix_spawn and waitpid rather than Foundation's Process: the tmux server that
    /// `new-session` forks keeps every descriptor Process would watch, so it never "exits".
    static func runDetached(_ path: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // Tests run in parallel: without this, a tmux server started here would inherit, and
        // keep open for its whole life, the pipes of a `kawal` that another test is reading
        // to the end, and that test would wait forever.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            throw HarnessError("this C library cannot close inherited descriptors (glibc 2.34 or later needed)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw HarnessError("cannot start \(path): \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["KAWAL_DB"] = nil
        env["KAWAL_TODAY"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outBox = Mutex<Data>(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let d = out.fileHandleForReading.readDataToEndOfFile()
            outBox.withLock { $0 = d }
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        let outData = outBox.withLock { $0 }
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The shared demo database of the golden tests: written once per run.
    static let demoDatabase: String = {
        let dir = tempDir("kawal-golden")
        let path = dir.appendingPathComponent("demo.sqlite").path
        let r = try? kawal(["demo", "--db", path, "--companies", "3000", "--seed", "7", "--today", goldenToday])
        precondition(r?.status == 0, "kawal demo failed: \(r?.stderr ?? "did not run") — is \(binary) built?")
        return path
    }()

    static let goldenToday = "2026-11-27"
}

/// A tmux server of our own, with one session running a command at a fixed size.
final class TmuxSession {
    let socket: String
    let name = "k"

    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "kawal-test-\(UUID().uuidString.prefix(8))"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height)]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        let status = try Harness.runDetached("/usr/bin/env", ["tmux"] + args)
        guard status == 0 else { throw HarnessError("tmux new-session failed with status \(status)") }
        _ = try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        serverPID = Int32(try tmux(["display-message", "-p", "#{pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The tmux server of this session, ended for sure when the session goes away: a server
    /// asked to `kill-server` can linger, and CI must not leave processes behind.
    private var serverPID: Int32 = 0

    deinit {
        _ = try? Harness.runDetached("/usr/bin/env", ["tmux", "-L", socket, "kill-server"])
        if serverPID > 0 { Glibc.kill(serverPID, SIGKILL) }
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> Harness.Result {
        try Harness.run("/usr/bin/env", ["tmux", "-L", socket] + args)
    }

    /// Sends keys as tmux names them (`j`, `Enter`, `C-c`, `PageDown`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name]).stdout
    }

    /// Waits until the screen contains `text` (or `timeout` passes) and returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `predicate` holds for a screen that has finished drawing, and returns it.
    ///
    /// A frame reaches tmux in pieces, so a capture can hold a new title over the old body.
    /// A screen counts as drawn once a second capture a moment later is the same; one that
    /// keeps changing while the predicate holds is returned when `timeout` passes. `settled:
    /// false` returns the first capture the predicate holds for: a moment that passes (a
    /// progress bar that moves on and is erased) would never settle.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 15, settled: Bool = true, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last), !settled { return last }
            if predicate(last) {
                usleep(40_000)
                let again = try screen()
                if again == last { return last }
                last = again
                continue
            }
            usleep(50_000)
        }
        if predicate(last) { return last }
        throw HarnessError("timed out waiting for \(what); screen was:\n\(last)")
    }

    /// Whether the pane's process has exited.
    func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func panePID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    func kill() throws {
        try tmux(["kill-session", "-t", name])
    }

    /// An officer with cases starts on the worklist (the demo assigns cases to whoever wrote
    /// it): waits for the first screen and, on the worklist, presses `t` for the companies list.
    func leaveWorklist() throws {
        let first = try waitUntil("the first screen") { s in
            let title = s.split(separator: "\n").first.map(String.init) ?? ""
            return title.contains("Hari ini") || title.contains("Today") || s.contains("perusahaan") || s.contains("companies")
        }
        let title = first.split(separator: "\n").first.map(String.init) ?? ""
        guard title.contains("Hari ini") || title.contains("Today") else { return }
        try send("t")
        // The title changes before the rows are drawn: wait for the list's own status bar, so a
        // caller never reads a screen still half the worklist.
        try waitUntil("the companies list") { $0.contains("/ Cari") || $0.contains("/ Search") }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
