import CNcurses
import KawalUI
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncurses: the only place in Kawal that speaks it.
///
/// Use it from the thread that started it. Draw a frame with `draw(_:)` (only the cells that
/// changed reach the terminal), then block in `waitForEvents()` until a key, a resize, a
/// `Waker.wake()` or a quit signal. Idle means no output and no CPU.
///
/// The cursor is invisible but kept on `Buffer.cursor` (the selected row) every frame, so
/// screen readers and terminal magnifiers that follow the cursor follow the selection.
public final class Terminal {
    /// The terminal's size in cells, updated when a `.resize` is reported.
    public private(set) var size: Size
    /// Unicode line drawing on a UTF-8 locale (unless `TERM` is a vt100-like terminal), ASCII otherwise.
    public let glyphs: Glyphs
    /// True when the locale is not UTF-8: views draw ASCII only (`Buffer.asciiOnly`).
    public let asciiOnly: Bool
    /// False with `NO_COLOR` or on a monochrome terminal; styles then map to bold and reverse.
    public let colors: Bool
    /// Wakes `waitForEvents()` from any thread.
    public var waker: Waker { Waker(channel: wakeChannel) }
    /// Total bytes ncurses wrote to the terminal so far (a benchmark figure; see `OutputMeter`).
    public var bytesWritten: Int { meter.total }

    private let screen: OpaquePointer
    private let wakeChannel: WakeChannel
    private let signalReadFD: Int32
    private let signalWriteFD: Int32
    private let meter: OutputMeter
    private let defaultColors: Bool
    private var stopped = false

    private var previous: Buffer?
    /// Set by a resize: the next frame clears the screen and draws every cell.
    private var needsClear = false
    /// Set when input was waiting after `doupdate` (ncurses may have cut the update short to
    /// read it): the next frame calls `doupdate` even if nothing changed.
    private var mayBeIncomplete = false
    private var cursorTarget = (x: 0, y: 0)
    private var placedCursor: (x: Int, y: Int)?

    private var attributeCache: [Style: (attrs: attr_t, pair: Int16)] = [:]
    private var pairs: [ColorPairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var hangupStreak = 0

    /// How long (ms) the rest of a multibyte character may take to arrive.
    private static let partialCharacterWait: Int32 = 200

    /// Only one terminal at a time: curses state is per process.
    nonisolated(unsafe) private static var running = false

    private struct ColorPairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private init(screen: OpaquePointer, wake: WakeChannel, signalFDs: (Int32, Int32), meter: OutputMeter,
                 glyphs: Glyphs, asciiOnly: Bool, colors: Bool, defaultColors: Bool) {
        self.screen = screen
        self.wakeChannel = wake
        self.signalReadFD = signalFDs.0
        self.signalWriteFD = signalFDs.1
        self.meter = meter
        self.glyphs = glyphs
        self.asciiOnly = asciiOnly
        self.colors = colors
        self.defaultColors = defaultColors
        let win = kawal_stdscr()
        size = Size(width: Int(kawal_maxx(win)), height: Int(kawal_maxy(win)))
    }

    deinit { stop() }

    // MARK: Start and stop

    /// Opens the terminal: curses mode, the alternate screen, signal handlers.
    public static func start(options: TerminalOptions) throws(TerminalError) -> Terminal {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard !running else { throw .cannotInitialise("the terminal is already started") }

        let wake = try WakeChannel()
        var signalFDs: [Int32] = [-1, -1]
        guard kawal_make_pipe(&signalFDs) == 0 else { throw .cannotInitialise("cannot create the signal pipe") }

        let codeset = String(cString: kawal_codeset()).uppercased().filter { $0 != "-" && $0 != "_" }
        let utf8 = codeset == "UTF8"
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""

        Signals.prepare(ttyFD: STDOUT_FILENO)
        let meter = OutputMeter()
        // The window size from the kernel wins over LINES/COLUMNS left in the environment,
        // which would otherwise pin the size and hide resizes.
        use_tioctl(true)
        guard let screen = meter.measure({ newterm(nil, kawal_stdout_file(), kawal_stdin_file()) }) else {
            kawal_close(signalFDs[0])
            kawal_close(signalFDs[1])
            let shown = termName.isEmpty ? "TERM is not set" : "unknown terminal type \"\(termName)\""
            throw .cannotInitialise(shown)
        }
        let win = kawal_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(win, false)
        keypad(win, true)
        nodelay(win, true)  // poll() blocks, never wget_wch (see readInput)
        scrollok(win, false)
        idlok(win, true)  // let ncurses scroll the list by one line instead of redrawing it
        leaveok(win, false)
        set_escdelay(Int32(clamping: max(0, options.escapeDelayMilliseconds)))
        curs_set(0)

        var colors = false
        var defaultColors = false
        if !options.noColor && has_colors() && start_color() == OK {
            colors = true
            defaultColors = use_default_colors() == OK
        }

        Signals.install(pipeFD: signalFDs[1])
        running = true
        return Terminal(
            screen: screen, wake: wake, signalFDs: (signalFDs[0], signalFDs[1]), meter: meter,
            glyphs: Terminal.glyphs(utf8: utf8, term: termName), asciiOnly: !utf8,
            colors: colors, defaultColors: defaultColors)
    }

    /// Unicode glyphs need a UTF-8 locale and a terminal that is not a vt100-like ASCII one.
    public static func glyphs(utf8: Bool, term: String) -> Glyphs {
        let name = term.lowercased()
        let asciiTerminal = name.hasPrefix("vt") || name == "dumb" || name.isEmpty
        return utf8 && !asciiTerminal ? .unicode : .ascii
    }

    /// Restores the terminal (modes, cursor, main screen) and the signal handlers. Idempotent.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        curs_set(1)
        _ = meter.measure { endwin() }
        Signals.uninstall()
        delscreen(screen)
        kawal_close(signalReadFD)
        kawal_close(signalWriteFD)
        wakeChannel.close()
        Terminal.running = false
    }

    // MARK: Drawing

    /// Makes the next frame clear and repaint the whole screen (Ctrl-L: after line noise on
    /// a slow link, or another program wrote over the screen).
    public func redraw() {
        needsClear = true
    }

    /// Sends the difference between `buffer` and the previous frame, places the cursor on
    /// `buffer.cursor`, and updates the terminal once. Writes nothing when nothing changed.
    /// A buffer of another size than the terminal draws where they overlap.
    public func draw(_ buffer: Buffer) {
        guard !stopped else { return }
        let win = kawal_stdscr()
        var full = false
        if needsClear {
            wclear(win)
            needsClear = false
            full = true
        } else if previous == nil || previous?.size != buffer.size {
            werase(win)
            full = true
        }
        let width = min(buffer.size.width, size.width)
        let height = min(buffer.size.height, size.height)
        let old = full ? nil : previous
        var changed = full
        for y in 0..<max(0, height) {
            for x in 0..<max(0, width) {
                let cell = buffer[x, y]
                if let old, old[x, y] == cell { continue }
                changed = true
                if cell.isContinuation {
                    // Covered by the wide grapheme on its left; a stray one becomes a blank.
                    if x > 0, !buffer[x - 1, y].isContinuation, TextWidth.of(buffer[x - 1, y].text) == 2 { continue }
                    put(" ", style: cell.style, x: x, y: y, win: win)
                } else if x + 1 >= size.width, TextWidth.of(cell.text) == 2 {
                    put(" ", style: cell.style, x: x, y: y, win: win)  // half of it would be off screen
                } else {
                    let sent = put(cell.text, style: cell.style, x: x, y: y, win: win)
                    if sent < 2, x + 1 < width, TextWidth.of(cell.text) == 2 {
                        // The terminal takes it as narrow (e.g. a text symbol with U+FE0F):
                        // blank the cell the frame counts as its right half.
                        put(" ", style: cell.style, x: x + 1, y: y, win: win)
                    }
                }
            }
        }
        if let c = buffer.cursor { cursorTarget = (c.x, c.y) }
        let target = (x: min(max(0, cursorTarget.x), max(0, size.width - 1)),
                      y: min(max(0, cursorTarget.y), max(0, size.height - 1)))
        previous = buffer
        let moved = placedCursor.map { $0.x != target.x || $0.y != target.y } ?? true
        guard changed || moved || mayBeIncomplete else { return }
        wmove(win, Int32(target.y), Int32(target.x))
        meter.measure {
            wnoutrefresh(win)
            doupdate()
        }
        placedCursor = target
        mayBeIncomplete = kawal_bytes_available(STDIN_FILENO) > 0
    }

    /// Writes one cell and returns the cells the terminal gives it (1 or 2).
    @discardableResult
    private func put(_ text: String, style: Style, x: Int, y: Int, win: UnsafeMutablePointer<WINDOW>?) -> Int {
        let (attrs, pair) = attributes(for: style)
        var chars = Terminal.cellCharacters(text, asciiOnly: asciiOnly)
        let cells = chars[0] < 0x80 ? 1 : Int(kawal_locale_wcwidth(chars[0]))
        chars.append(0)
        // ERR at the bottom-right cell (the cursor cannot advance, scrolling is off) is
        // expected: the cell is stored and doupdate draws it without scrolling.
        _ = chars.withUnsafeBufferPointer { kawal_put_cell(win, Int32(y), Int32(x), $0.baseAddress, attrs, pair) }
        return cells
    }

    /// The wide characters for one cell: a printable spacing character and at most four
    /// combining ones after it. Anything unprintable becomes `?`; a zero-width character on
    /// its own sits on a space; the rest of an emoji ZWJ sequence is dropped (terminals
    /// disagree on its width, and the layout must not move).
    static func cellCharacters(_ text: String, asciiOnly: Bool) -> [wchar_t] {
        var out: [wchar_t] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let printable = v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v)
            if out.isEmpty {
                guard printable, !asciiOnly || v < 0x80 else { return [0x3F] }
                if v < 0x80 { return [wchar_t(v)] }
                let w = kawal_locale_wcwidth(wchar_t(v))
                if w < 0 { return [0x3F] }
                if w == 0 { out.append(0x20) }
                out.append(wchar_t(v))
            } else {
                guard printable, !asciiOnly, v != 0x200D, kawal_locale_wcwidth(wchar_t(v)) == 0 else { break }
                out.append(wchar_t(v))
                if out.count == 5 { break }
            }
        }
        return out.isEmpty ? [0x20] : out
    }

    private func attributes(for style: Style) -> (attrs: attr_t, pair: Int16) {
        if let cached = attributeCache[style] { return cached }
        var mapped = CellAttributes(style, colors: colors)
        var pair: Int16 = 0
        if mapped.hasColor {
            if let p = colorPair(mapped.foreground, mapped.background) {
                pair = p
            } else {
                mapped = CellAttributes(style, colors: false)  // out of pairs: keep the meaning
            }
        }
        var attrs = kawal_attr_normal()
        if mapped.bold { attrs |= kawal_attr_bold() }
        if mapped.reverse { attrs |= kawal_attr_reverse() }
        if mapped.underline { attrs |= kawal_attr_underline() }
        if mapped.dim { attrs |= kawal_attr_dim() }
        attributeCache[style] = (attrs, pair)
        return (attrs, pair)
    }

    /// A colour pair, allocated on first use; nil when the terminal has no pairs left.
    private func colorPair(_ foreground: Color?, _ background: Color?) -> Int16? {
        let fg = foreground.map { Int16($0.rawValue) } ?? (defaultColors ? -1 : Int16(COLOR_WHITE))
        let bg = background.map { Int16($0.rawValue) } ?? (defaultColors ? -1 : Int16(COLOR_BLACK))
        let key = ColorPairKey(foreground: fg, background: bg)
        if let p = pairs[key] { return p }
        guard nextPair < min(kawal_color_pairs(), Int32(Int16.max)), init_pair(Int16(nextPair), fg, bg) == OK else {
            return nil
        }
        let p = Int16(nextPair)
        nextPair += 1
        pairs[key] = p
        return p
    }

    // MARK: Events

    /// Blocks until something happens, with no timeout, and returns every event pending:
    /// keys (all of them, in order), a resize, a wake, a quit. Never returns an empty array.
    /// After `stop()` it returns `.quit(signal: 0)` at once.
    public func waitForEvents() -> [TerminalEvent] {
        guard !stopped else { return [.quit(signal: 0)] }
        // Keys ncurses already buffered, and a resize it noticed, do not wake poll().
        var events = readInput()
        if !events.isEmpty { return events }
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeChannel.readFD, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signalReadFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR {
                    events = readInput()  // SIGWINCH: ncurses reports KEY_RESIZE
                    if !events.isEmpty { return events }
                    continue
                }
                return [.quit(signal: SIGHUP)]
            }
            var quit: Int32?
            if fds[2].revents & Int16(POLLIN) != 0 {
                for signal in readSignals() where quit == nil && signal != SIGWINCH { quit = signal }
            }
            let input = fds[0].revents
            var readSomething = false
            if input & Int16(POLLIN) != 0 || fds[2].revents != 0 {
                events += readInput(readSomething: &readSomething)
            }
            if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                quit = quit ?? SIGHUP
            } else if input & Int16(POLLIN) != 0 && !readSomething {
                // Readable yet nothing decoded. Once is normal (ncurses keeps the first bytes
                // of a split UTF-8 character until the rest arrives); many times in a row is
                // end of input (or input ncurses cannot use), and looping on it would spin the CPU.
                hangupStreak += 1
                if hangupStreak >= 64 { quit = quit ?? SIGHUP }
            } else if readSomething {
                hangupStreak = 0
            }
            if fds[1].revents & Int16(POLLIN) != 0, wakeChannel.drain() { events.append(.wake) }
            if let quit { events.append(.quit(signal: quit)) }
            if !events.isEmpty { return events }
        }
    }

    private func readInput() -> [TerminalEvent] {
        var ignored = false
        return readInput(readSomething: &ignored)
    }

    /// Reads every key ncurses has (nodelay mode, until ERR) and decodes them.
    private func readInput(readSomething: inout Bool) -> [TerminalEvent] {
        let win = kawal_stdscr()
        var raw: [RawInput] = []
        var ch: wint_t = 0
        while raw.count < 4096 {
            // Never block when nothing is waiting; but when bytes are, let a character split
            // across packets complete: in nodelay mode ncurses drops a partial UTF-8 sequence
            // (and the bytes after it). ncurses reads one byte at a time, so bytes it has not
            // used are still counted by the kernel.
            wtimeout(win, kawal_bytes_available(STDIN_FILENO) > 0 ? Terminal.partialCharacterWait : 0)
            let r = wget_wch(win, &ch)
            if r == KEY_CODE_YES {
                raw.append(.keyCode(Int32(bitPattern: ch)))
            } else if r == OK {
                raw.append(.character(UInt32(ch)))
            } else {
                break
            }
        }
        readSomething = !raw.isEmpty
        var events: [TerminalEvent] = []
        var resized = false
        for input in KeyDecoder.decode(raw) {
            switch input {
            case .key(let key):
                events.append(.key(key))
            case .resize:
                guard !resized else { continue }
                resized = true
                size = Size(width: Int(kawal_maxx(win)), height: Int(kawal_maxy(win)))
                needsClear = true
                events.append(.resize(size))
            }
        }
        return events
    }

    /// Empties the signal pipe: the signal numbers, in order.
    private func readSignals() -> [Int32] {
        var out: [Int32] = []
        var scratch = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(signalReadFD, &scratch, scratch.count)
            if n > 0 { out += scratch[0..<n].map { Int32($0) }; continue }
            if n < 0 && errno == EINTR { continue }
            return out
        }
    }
}
