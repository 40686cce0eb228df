import ArgumentParser
import Foundation
import KawalDomain
import KawalStore
import KawalUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `kawal bench`: measures the real program in a pseudo-terminal on a large demo database.
///
/// A developer tool: it prints figures next to the targets and asserts nothing. The child is
/// this same binary, run as `kawal open` in an 80x24 pty with `KAWAL_FRAME_TRACE=3`; every
/// latency is read from the child's own frame trace (CLOCK_MONOTONIC, the same clock as ours),
/// from the moment a key is written to the first *settled* frame after it.
struct Bench: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "bench", abstract: UsageError.strings.text(HelpText.benchAbstract), subcommands: [ImportBench.self])
    }

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchCompanies)))
    var companies: Int = 1_000_000

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchDatabase)))
    var db: String?

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchKeep)))
    var keep = false

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchSeed)))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchToday)))
    var today: String?

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchQueries)))
    var queries = false

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(UsageError.strings.text(HelpText.benchWords)))
    var words: [String] = TerminalBench.searchWords

    @Flag(name: .long, help: ArgumentHelp(UsageError.strings.text(HelpText.benchCPUTime)))
    var cpuTime = false

    func validate() throws {
        guard companies >= 1, companies <= 10_000_000 else {
            throw ValidationError(UsageError.strings.text(UsageText.outOfRange, "--companies", "1", "10000000"))
        }
        if let today, Day(parsing: today) == nil { throw ValidationError(UsageError.strings.format(.errorBadDate, today)) }
    }

    func run() throws {
        try reportingErrors {
            let day = today.flatMap { Day(parsing: $0) } ?? Clock.localToday()
            let path = db ?? "/tmp/kawal-bench-\(companies).sqlite"
            let prepared = try BenchDatabase.prepare(path: path, companies: companies, seed: seed, today: day,
                                                     mayReplace: db == nil)
            defer {
                if prepared.wrote && !keep { BenchDatabase.remove(path) }
            }
            let command = CommandLine.arguments.map(BenchReport.shellQuoted).joined(separator: " ")
            if queries {
                try QueryBench.run(path: path, companies: companies, prepared: prepared, command: command, cpuTime: cpuTime, words: words)
            } else {
                try TerminalBench.run(path: path, companies: companies, today: day, prepared: prepared, command: command)
            }
            if prepared.wrote && !keep { print("(the database is removed now; pass --keep to reuse it next time)") }
        }
    }
}

// MARK: - Time and statistics

/// CLOCK_MONOTONIC in nanoseconds, the clock of the child's frame trace.
func monotonicNanos() -> Int {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)
}

/// Times `body` in milliseconds.
func millis<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = monotonicNanos()
    let result = try body()
    return (result, Double(monotonicNanos() - start) / 1e6)
}

/// Milliseconds of CPU the calling thread spent in `body` (GRDB runs a pool read on the
/// calling thread, so this counts the query's work but not time spent waiting for a core).
func cpuMillis(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)
    }
    let start = now()
    try body()
    return Double(now() - start) / 1e6
}

/// Order statistics of a sample (nearest rank).
struct Sample {
    private(set) var values: [Double] = []

    mutating func add(_ v: Double) { values.append(v) }

    var count: Int { values.count }

    func percentile(_ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    var median: Double? { percentile(50) }
    var largest: Double? { values.max() }
}

enum BenchReport {
    static func ms(_ v: Double?) -> String {
        guard let v else { return "-" }
        return v < 10 ? String(format: "%.2f", v) : String(format: "%.1f", v)
    }

    static func number(_ v: Double?) -> String { v.map { String(format: "%.0f", $0) } ?? "-" }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

    static func padLeft(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

    static func verdict(_ ok: Bool?) -> String {
        switch ok {
        case true?: return "met"
        case false?: return "MISSED"
        case nil: return "-"
        }
    }

    static func shellQuoted(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=:,".unicodeScalars.contains($0) }
        return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func machine() -> String {
        var u = utsname()
        uname(&u)
        let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let arch = withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var model = ""
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) + ", "
        }
        let memory = ProcessInfo.processInfo.physicalMemory / (1 << 20)
        return "\(model)\(ProcessInfo.processInfo.activeProcessorCount) cores, \(memory) MB RAM, Linux \(release) \(arch)"
    }
}

// MARK: - The database

enum BenchDatabase {
    struct Prepared {
        /// Whether this run wrote the database (and may remove it).
        var wrote: Bool
        /// Seconds taken to write it.
        var seconds: Double?
        var fileMB: Double
    }

    /// Reuses the database at `path` when it holds exactly `companies` companies; otherwise
    /// writes the demo there (replacing the file only when it is the bench's own default).
    static func prepare(path: String, companies: Int, seed: UInt64, today: Day, mayReplace: Bool) throws -> Prepared {
        if FileManager.default.fileExists(atPath: path) {
            let existing: Int
            do {
                existing = try AppDatabase.open(path: path).companyCount()
            } catch {
                throw CLIError("cannot read \(path): \(error)")
            }
            if existing == companies {
                print("Reusing \(path) (\(companies) companies).")
                return Prepared(wrote: false, seconds: nil, fileMB: fileMB(path))
            }
            guard existing == 0 || mayReplace else {
                throw CLIError("\(path) holds \(existing) companies, not \(companies): pass another --db, or remove it")
            }
            if existing != 0 { remove(path) }
        }
        print("Writing \(companies) demo companies to \(path) …")
        let bar = ProgressBar(enabled: isatty(2) == 1)
        let ((), seconds) = try millis {
            let db = try AppDatabase.open(path: path)
            try db.writeDemo(DemoOptions(companies: companies, seed: seed, today: today)) { bar.show($0) }
        }
        bar.finish()
        print(String(format: "Demo written in %.1f s.", seconds / 1000))
        return Prepared(wrote: true, seconds: seconds / 1000, fileMB: fileMB(path))
    }

    static func remove(_ path: String) { AppDatabase.removeFiles(at: path) }

    static func fileMB(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        return size / 1_048_576
    }
}

// MARK: - The child in a pseudo-terminal

/// One line of the child's frame trace.
struct Frame {
    var seq: Int
    var nanos: Int
    var bytes: Int
    var settled: Bool
    /// What is on top: `companies`, `worklist`, `detail` or `other`.
    var screen: String

    init?(_ line: Substring) {
        let f = line.split(separator: " ")
        guard f.count == 6, f[0] == "frame", let s = Int(f[1]), let t = Int(f[2]), let b = Int(f[3]) else { return nil }
        seq = s
        nanos = t
        bytes = b
        settled = f[4] == "1"
        screen = String(f[5])
    }
}

/// Reads the pty master until the child closes it, so the child never blocks on output.
final class OutputDrain: Sendable {
    let total = Atomic<Int>(0)

    func start(_ fd: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    total.add(n, ordering: .relaxed)
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return  // EIO: every slave descriptor is closed
                }
            }
        }
    }
}

/// What one key press cost.
struct KeyCost {
    /// Key written → first settled frame after it (ms).
    var settled: Double
    /// Key written → first frame of any kind after it (ms).
    var firstFrame: Double
    /// Bytes sent to the terminal between the last frame before the key and the settled one.
    var bytes: Int
}

/// The kawal child process on a pseudo-terminal, and its frame trace.
final class Child {
    let pid: pid_t
    let master: Int32
    let trace: Int32
    let drain = OutputDrain()
    let spawnedAt: Int
    private var pendingText: [UInt8] = []
    private(set) var last: Frame?
    private(set) var firstFrame: Frame?
    private(set) var firstSettled: Frame?
    private(set) var timeouts = 0

    /// TIOCSPTLCK and TIOCGPTN (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`).
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430

    /// Starts `executable arguments` on a new `width`x`height` pty with the frame trace on fd 3.
    init(executable: String, arguments: [String], width: Int, height: Int) throws {
        // posix_openpt, unlockpt and ptsname hide behind _XOPEN_SOURCE in Glibc's module; on
        // Linux they are /dev/ptmx and two ioctls (grantpt does nothing on devpts).
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard m >= 0, ioctl(m, Child.setLock, &unlock) == 0, ioctl(m, Child.getNumber, &number) == 0 else {
            throw CLIError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(m, UInt(TIOCSWINSZ), &size) == 0 else { throw CLIError("cannot set the pty size") }

        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw CLIError("cannot create the trace pipe") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var writeEnd = fds[1]
        if writeEnd == 3 {  // dup2(3, 3) would keep close-on-exec
            writeEnd = fcntl(3, F_DUPFD_CLOEXEC, 10)
            close(3)
        }

        var env = ProcessInfo.processInfo.environment
        for k in ["LINES", "COLUMNS", "NO_COLOR", "LC_ALL", "LC_CTYPE", "KAWAL_DB"] { env[k] = nil }
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["KAWAL_FRAME_TRACE"] = "3"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid (done first by posix_spawn), opening the slave makes it the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        let setsid: Int16 = 0x80  // POSIX_SPAWN_SETSID (glibc, behind _GNU_SOURCE)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) | setsid)

        var child: pid_t = 0
        spawnedAt = monotonicNanos()
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(writeEnd)
        guard rc == 0 else {
            close(m)
            close(fds[0])
            throw CLIError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        master = m
        trace = fds[0]
        drain.start(m)
    }

    deinit {
        close(trace)
    }

    // MARK: Frames

    /// The next trace line, waiting at most until `deadline` (monotonic ns).
    func nextFrame(until deadline: Int) -> Frame? {
        while true {
            if let nl = pendingText.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pendingText[..<nl], as: UTF8.self)
                pendingText.removeSubrange(...nl)
                guard let f = Frame(Substring(line)) else { continue }
                last = f
                if firstFrame == nil { firstFrame = f }
                if firstSettled == nil, f.settled { firstSettled = f }
                return f
            }
            let remaining = (deadline - monotonicNanos()) / 1_000_000
            if remaining < 0 { return nil }
            var p = pollfd(fd: trace, events: Int16(POLLIN), revents: 0)
            let r = poll(&p, 1, Int32(clamping: remaining))
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { if r == 0 { continue } else { return nil } }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(trace, $0.baseAddress, $0.count) }
            if n <= 0 { return nil }  // the child closed the trace (it exited)
            pendingText += chunk[0..<n]
        }
    }

    /// Reads frames until none has arrived for `quietMs` (at most `limitMs` in all).
    func quiesce(quietMs: Int = 150, limitMs: Int = 5_000) {
        let end = monotonicNanos() + limitMs * 1_000_000
        while monotonicNanos() < end {
            if nextFrame(until: min(end, monotonicNanos() + quietMs * 1_000_000)) == nil { return }
        }
    }

    /// Waits for the first settled frame after start-up.
    func waitForFirstSettled(timeoutMs: Int = 120_000) -> Frame? {
        let deadline = monotonicNanos() + timeoutMs * 1_000_000
        while firstSettled == nil {
            guard nextFrame(until: deadline) != nil else { return nil }
        }
        return firstSettled
    }

    /// Writes `key` and waits for the first settled frame drawn after it.
    @discardableResult
    func press(_ key: String, timeoutMs: Int = 30_000) -> KeyCost? {
        // Take in frames already drawn, so none of them is taken for the answer.
        while nextFrame(until: monotonicNanos()) != nil {}
        guard let before = last else { return nil }
        let bytes = Array(key.utf8)
        let sentAt = monotonicNanos()
        let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        guard written == bytes.count else { return nil }
        let deadline = sentAt + timeoutMs * 1_000_000
        var first: Frame?
        while let f = nextFrame(until: deadline) {
            guard f.seq > before.seq, f.nanos >= sentAt else { continue }
            if first == nil { first = f }
            if f.settled {
                return KeyCost(settled: Double(f.nanos - sentAt) / 1e6, firstFrame: Double(first!.nanos - sentAt) / 1e6,
                               bytes: f.bytes - before.bytes)
            }
        }
        timeouts += 1
        return nil
    }

    // MARK: Process figures

    /// VmHWM (peak resident set) in MB.
    func peakRSSMB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kb = line.split(separator: " ").compactMap { Double($0) }.first
        return kb.map { $0 / 1024 }
    }

    /// VmRSS (resident set now) in MB.
    func rssMB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
    }

    /// utime + stime in milliseconds.
    func cpuMs() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let paren = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: paren)...].split(separator: " ")
        guard fields.count > 13, let u = Double(fields[11]), let s = Double(fields[12]) else { return nil }
        return (u + s) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Waits for the child to exit; its exit code, or 128 + signal. Kills it after `timeoutMs`.
    func waitForExit(timeoutMs: Int = 5_000) -> (code: Int32, killed: Bool) {
        let end = monotonicNanos() + timeoutMs * 1_000_000
        var status: Int32 = 0
        var killed = false
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 { return (-1, killed) }
            if monotonicNanos() > end && !killed {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(5_000)
        }
        close(master)
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, killed)
    }
}

// MARK: - The terminal benchmark

enum TerminalBench {
    static let width = 80
    static let height = 24
    static let downPresses = 200
    static let pageDownPresses = 100
    static let detailOpens = 50
    static let searchWords = ["batik", "sekar", "kauman"]

    struct Search {
        var word: String
        var perChar: [(Character, KeyCost?)] = []
    }

    static func run(path: String, companies: Int, today: Day, prepared: BenchDatabase.Prepared, command: String) throws {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "/proc/self/exe"
        print("Starting \(exe) open --db \(path) in an \(width)x\(height) pty …")
        let child = try Child(executable: exe, arguments: ["open", "--db", path, "--today", today.description],
                              width: width, height: height)
        var failures: [String] = []

        // Start-up
        let settled = child.waitForFirstSettled()
        let startMs = settled.map { Double($0.nanos - child.spawnedAt) / 1e6 }
        let firstAnyMs = child.firstFrame.map { Double($0.nanos - child.spawnedAt) / 1e6 }
        let startBytes = settled?.bytes
        if settled == nil { failures.append("no settled frame after start-up") }
        child.quiesce()
        // An officer with cases (the demo's writer is one) starts on Hari ini; the keys below
        // are about the companies list, which `t` opens from there.
        let startScreen = settled?.screen ?? "-"
        var toList: KeyCost?
        if startScreen == "worklist" {
            toList = child.press("t")
            child.quiesce()
            if child.last?.screen != "companies" { failures.append("t did not open the companies list") }
        }

        // Down, page down
        var down: [KeyCost] = []
        var pageDown: [KeyCost] = []
        var detail: [KeyCost] = []
        var searches: [Search] = []
        if settled != nil {
            for _ in 0..<downPresses { if let c = child.press("j") { down.append(c) } }
            for _ in 0..<pageDownPresses { if let c = child.press("\u{1B}[6~") { pageDown.append(c) } }
            for _ in 0..<detailOpens {
                if let c = child.press("\r") { detail.append(c) }
                child.press("q")
                child.press("j")
            }
            child.quiesce()
            for word in searchWords {
                var s = Search(word: word)
                child.press("/")
                for ch in word { s.perChar.append((ch, child.press(String(ch)))) }
                child.press("\u{1B}")
                child.quiesce()
                searches.append(s)
            }
        }
        child.quiesce()
        let peak = child.peakRSSMB()
        let rssNow = child.rssMB()
        let cpuBefore = child.cpuMs()
        let idleFramesBefore = child.last?.seq ?? 0
        usleep(2_000_000)
        let cpuAfter = child.cpuMs()
        child.quiesce(quietMs: 50, limitMs: 200)
        let idleFrames = (child.last?.seq ?? 0) - idleFramesBefore
        let timeouts = child.timeouts
        let lastFrame = child.last
        _ = child.press("q", timeoutMs: 2_000)  // no settled frame follows a quit; this only sends it
        let exit = child.waitForExit()
        let ptyBytes = child.drain.total.load(ordering: .relaxed)

        // Report
        let idleCpu: Double? = {
            guard let a = cpuBefore, let b = cpuAfter else { return nil }
            return b - a
        }()
        func sample(_ costs: [KeyCost], _ value: (KeyCost) -> Double) -> Sample {
            var s = Sample()
            for c in costs { s.add(value(c)) }
            return s
        }
        let allSearch = searches.flatMap { $0.perChar.compactMap(\.1) }
        let searchSample = sample(allSearch, \.settled)
        let downBytes = sample(down, { Double($0.bytes) })
        let pageBytes = sample(pageDown, { Double($0.bytes) })

        var out: [String] = []
        out.append("")
        out.append("Kawal benchmark: \(companies) companies, \(width)x\(height), TERM=xterm-256color, LANG=C.UTF-8")
        out.append("command:  \(command)")
        out.append("date:     \(ISO8601DateFormatter().string(from: Date()))")
        out.append("machine:  \(BenchReport.machine())")
        if let s = prepared.seconds {
            out.append(String(format: "database: %@ (%.0f MB), demo written in %.1f s", path, prepared.fileMB, s))
        } else {
            out.append(String(format: "database: %@ (%.0f MB), reused", path, prepared.fileMB))
        }
        out.append("")
        let header = BenchReport.pad("measure", 34) + ["p50", "p95", "p99", "max"].map { BenchReport.padLeft($0, 8) }.joined()
            + "   " + BenchReport.pad("target", 18) + "result"
        out.append(header)
        out.append(String(repeating: "-", count: header.count))
        func row(_ name: String, _ s: Sample, target: String, ok: Bool?) -> String {
            BenchReport.pad(name, 34) + [50.0, 95, 99].map { BenchReport.padLeft(BenchReport.ms(s.percentile($0)), 8) }.joined()
                + BenchReport.padLeft(BenchReport.ms(s.largest), 8) + "   " + BenchReport.pad(target, 18) + BenchReport.verdict(ok)
        }
        func single(_ name: String, _ value: String, target: String, ok: Bool?) -> String {
            BenchReport.pad(name, 34) + BenchReport.padLeft(value, 32) + "   " + BenchReport.pad(target, 18) + BenchReport.verdict(ok)
        }
        out.append(single("first complete frame (ms)", BenchReport.ms(startMs), target: "< 150 ms", ok: startMs.map { $0 < 150 }))
        let keyRows: [(String, [KeyCost], Int)] = [
            ("down j (ms)", down, downPresses), ("page down (ms)", pageDown, pageDownPresses),
            ("open detail, Enter (ms)", detail, detailOpens),
        ]
        for (name, costs, asked) in keyRows {
            let s = sample(costs, \.settled)
            let label = "\(name) n=\(costs.count)" + (costs.count < asked ? "/\(asked)" : "")
            out.append(row(label, s, target: "p99 < 10 ms", ok: s.percentile(99).map { $0 < 10 }))
        }
        out.append(row("search, per typed char (ms) n=\(allSearch.count)", searchSample, target: "p95 < 50 ms",
                       ok: searchSample.percentile(95).map { $0 < 50 }))
        out.append(single("peak RSS, VmHWM (MB)", peak.map { String(format: "%.1f", $0) } ?? "-", target: "< 64 MB",
                          ok: peak.map { $0 < 64 }))
        out.append(single("bytes per cursor move j (median)", BenchReport.number(downBytes.median), target: "<= 200",
                          ok: downBytes.median.map { $0 <= 200 }))
        out.append(single("bytes per page down (median)", BenchReport.number(pageBytes.median), target: "(reported)", ok: nil))
        out.append(single("idle CPU over 2 s (ms)", BenchReport.ms(idleCpu), target: "~0", ok: nil))
        out.append("")
        out.append("Details")
        out.append("  first frame of any kind: \(BenchReport.ms(firstAnyMs)) ms after spawn; first complete frame wrote \(startBytes.map(String.init) ?? "-") bytes")
        out.append("  start screen: \(startScreen)" + (toList.map { "; t to the companies list: \(BenchReport.ms($0.settled)) ms to a settled frame" } ?? ""))
        for (name, costs, _) in keyRows {
            let f = sample(costs, \.firstFrame)
            out.append("  \(name): key → first frame (before any load finishes) p50 \(BenchReport.ms(f.median)) p99 \(BenchReport.ms(f.percentile(99))) max \(BenchReport.ms(f.largest)) ms")
        }
        out.append("  bytes per j: p50 \(BenchReport.number(downBytes.median)) p95 \(BenchReport.number(downBytes.percentile(95))) max \(BenchReport.number(downBytes.largest)); per page down: p50 \(BenchReport.number(pageBytes.median)) p95 \(BenchReport.number(pageBytes.percentile(95))) max \(BenchReport.number(pageBytes.largest))")
        let searchFirst = sample(allSearch, \.firstFrame)
        out.append("  search: key → first frame (the typed text, list reset) p50 \(BenchReport.ms(searchFirst.median)) p99 \(BenchReport.ms(searchFirst.percentile(99))) max \(BenchReport.ms(searchFirst.largest)) ms")
        for s in searches {
            let parts = s.perChar.map { ch, c in "\(ch) \(c.map { BenchReport.ms($0.settled) } ?? "timeout")" }
            out.append("  search \"\(s.word)\", ms per char to a settled frame: " + parts.joined(separator: ", "))
        }
        out.append("  RSS at the end: \(rssNow.map { String(format: "%.1f", $0) } ?? "-") MB; frames drawn while idle: \(idleFrames)")
        out.append("  frames drawn: \(lastFrame?.seq ?? 0); bytes read from the pty: \(ptyBytes) (trace total: \(lastFrame?.bytes ?? 0))")
        out.append("  exit code after q: \(exit.code)\(exit.killed ? " (killed after 5 s)" : "")" + (timeouts > 0 ? "; \(timeouts) key(s) timed out" : ""))
        for f in failures { out.append("  problem: \(f)") }
        print(out.joined(separator: "\n"))
    }
}

// MARK: - The store's queries, timed directly

enum QueryBench {
    static func run(path: String, companies: Int, prepared: BenchDatabase.Prepared, command: String, cpuTime: Bool, words: [String]) throws {
        let db: AppDatabase
        do { db = try AppDatabase.open(path: path) } catch { throw CLIError("cannot open \(path): \(error)") }
        var out: [String] = []
        out.append("")
        out.append("Kawal store queries: \(companies) companies")
        out.append("command:  \(command)")
        out.append("machine:  \(BenchReport.machine())")
        out.append("all in ms\(cpuTime ? " of on-CPU time (reads run on this thread)" : ""), median of \(repeats) runs (max in brackets); pages are \(pageSize) rows")
        out.append("")

        func timed(_ label: String, _ body: () throws -> Void) rethrows {
            var s = Sample()
            for _ in 0..<repeats { s.add(cpuTime ? try cpuMillis(body) : try millis(body).1) }
            out.append(BenchReport.pad(label, 58) + BenchReport.padLeft(BenchReport.ms(s.median), 9)
                       + "  (" + BenchReport.ms(s.largest) + ")")
        }

        try timed("companyCount()") { _ = try db.companyCount() }
        try timed("companyCount(no filter)") { _ = try db.companyCount(CompanyQuery()) }
        try timed("distinctSectors()") { _ = try db.distinctSectors() }
        out.append("")
        for sort in CompanySort.allCases {
            for reversed in [false, true] {
                let q = CompanyQuery(sort: sort, reversed: reversed)
                let name = "sort \(sort.rawValue)\(reversed ? " reversed" : "")"
                var firstPage: CompanyPage?
                try timed("\(name): first page") { firstPage = try db.companies(q, after: nil, limit: pageSize) }
                if let key = firstPage?.keys.last {
                    try timed("\(name): next page (keyset)") { _ = try db.companies(q, after: key, limit: pageSize) }
                }
                try timed("\(name): last page (G)") { _ = try db.companies(q, before: nil, limit: pageSize) }
            }
        }
        out.append("")
        for word in words {
            for n in 1...word.count {
                let text = String(word.prefix(n))
                let q = CompanyQuery(search: text)
                var matches = 0
                try timed("search \"\(text)\": first page") { _ = try db.companies(q, after: nil, limit: pageSize) }
                try timed("search \"\(text)\": count") { matches = try db.companyCount(q) }
                out[out.count - 1] += "  → \(matches) matches"
            }
        }
        out.append("")
        let ids = stride(from: 1, through: companies, by: max(1, companies / 50)).map(Int64.init)
        var detail = Sample()
        for id in ids { detail.add(try millis { _ = try db.companyDetail(id: id) }.1) }
        out.append(BenchReport.pad("companyDetail(id:) over \(ids.count) ids: p50 / p99 / max", 58)
                   + " \(BenchReport.ms(detail.median)) / \(BenchReport.ms(detail.percentile(99))) / \(BenchReport.ms(detail.largest))")
        print(out.joined(separator: "\n"))
    }

    static let repeats = 5
    static let pageSize = 100
}
