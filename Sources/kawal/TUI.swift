import Foundation
import KawalDomain
import KawalStore
import KawalTerminal
import KawalUI

/// The interactive loop: keys and results become actions, actions change the state,
/// and each change draws one frame of which only the difference reaches the terminal.
enum TUI {
    static func run(db: AppDatabase, language: Language, today: Day) throws {
        let s = Strings(language)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            terminal = try Terminal.start(options: TerminalOptions(noColor: noColor))
        } catch TerminalError.notATerminal {
            throw CLIError(s[.errorNotATerminal])
        } catch {
            throw CLIError(s.format(.errorTerminal, String(describing: error)))
        }
        defer { terminal.stop() }

        var state = AppState(size: terminal.size, language: language, today: today, readOnly: db.isReadOnly,
                             officer: OSUser.actingOfficer(db))
        if db.isReadOnly { state.message = Message(text: s[.readOnlyExplain], isError: false) }
        let mailbox = Mailbox()
        let waker = terminal.waker
        let background = BackgroundRunner(runner: EffectRunner(db: db), mailbox: mailbox, wake: { waker.wake() })
        let ctx = RenderContext(glyphs: terminal.glyphs, asciiOnly: terminal.asciiOnly)
        background.run(start(&state))
        var trace = FrameTrace.fromEnvironment()
        // An import or another officer's work shows up without a key pressed.
        let watch = DataWatch(db: db) {
            mailbox.post(.databaseChanged)
            waker.wake()
        }
        defer { watch.stop() }

        while !state.quit {
            terminal.draw(view(state, ctx))
            trace?.record(bytes: terminal.bytesWritten, settled: FrameTrace.isSettled(state), screen: FrameTrace.screen(state))
            var effects: [Effect] = []
            for event in terminal.waitForEvents() {
                switch event {
                case .key(let key):
                    effects += update(&state, .key(key))
                case .resize(let size):
                    effects += update(&state, .resized(size))
                case .wake:
                    for action in mailbox.drain() { effects += update(&state, action) }
                case .quit:
                    state.quit = true
                }
            }
            if effects.contains(.redraw) { terminal.redraw() }
            background.run(effects.filter { $0 != .redraw })
        }
        // Quitting while the export key's file is still being written leaves no half file behind.
        ExportWriter.removeTemporaryFileOfExportInProgress()
    }
}

/// Asks the database every `interval` seconds whether another program committed to it (an
/// import, another officer's Kawal), and calls `changed` when it did. One small query on a
/// thread of its own; `stop` ends it at once.
final class DataWatch: Sendable {
    private let stopSignal = DispatchSemaphore(value: 0)

    init(db: AppDatabase, interval: Double = 2, changed: @escaping @Sendable () -> Void) {
        let stopSignal = self.stopSignal
        Thread.detachNewThread {
            var last = db.dataVersion()
            while stopSignal.wait(timeout: .now() + interval) == .timedOut {
                guard let now = db.dataVersion() else { continue }
                if let last, now != last { changed() }
                last = now
            }
        }
    }

    func stop() { stopSignal.signal() }
}

/// An opt-in trace of drawn frames, for `kawal bench`: with `KAWAL_FRAME_TRACE=N` naming an
/// open file descriptor, each frame writes one line to it,
/// `frame <seq> <CLOCK_MONOTONIC ns> <bytes written to the terminal so far> <settled 0|1> <screen>`.
/// Unset (the normal case), nothing is formatted or written.
struct FrameTrace {
    private let fd: Int32
    private var seq = 0
    private var line = [UInt8](repeating: 0, count: 96)

    /// The trace asked for by the environment, or nil when unset or not an open descriptor.
    static func fromEnvironment() -> FrameTrace? {
        guard let raw = getenv("KAWAL_FRAME_TRACE"), let fd = Int32(String(cString: raw)), fd > 2,
              fcntl(fd, F_GETFD) != -1 else { return nil }
        return FrameTrace(fd: fd)
    }

    private init(fd: Int32) { self.fd = fd }

    /// Whether the frame shows a finished answer: the list's first page and count are in,
    /// nothing is loading or waiting to move, and a detail on top has loaded.
    static func isSettled(_ state: AppState) -> Bool {
        let list = state.list
        guard list.loaded, list.total != nil, list.pending == nil, list.pendingDelta == 0 else { return false }
        if case .detail(let d)? = state.stack.last { return d.loaded }
        if state.stack.isEmpty, state.root == .worklist { return state.worklist.worklist != nil }
        return true
    }

    /// What the frame shows on top: `companies` or `worklist` (the root, nothing over it),
    /// `detail`, or `other` (help, a form, a picker…).
    static func screen(_ state: AppState) -> StaticString {
        switch state.stack.last {
        case nil: return state.root == .worklist ? "worklist" : "companies"
        case .detail?: return "detail"
        default: return "other"
        }
    }

    /// Writes one frame's line with a single write(2).
    mutating func record(bytes: Int, settled: Bool, screen: StaticString) {
        seq += 1
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanos = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        var n = 0
        func put(_ text: StaticString) {
            text.withUTF8Buffer { for b in $0 { line[n] = b; n += 1 } }
        }
        func put(_ value: Int) {
            var v = max(0, value)
            let start = n
            repeat {
                line[n] = UInt8(48 + v % 10)
                n += 1
                v /= 10
            } while v > 0
            line[start..<n].reverse()
        }
        put("frame ")
        put(seq)
        put(" ")
        put(nanos)
        put(" ")
        put(bytes)
        put(settled ? " 1 " : " 0 ")
        put(screen)
        put("\n")
        let count = n
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, count) }
    }
}
