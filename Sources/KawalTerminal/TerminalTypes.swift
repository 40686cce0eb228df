import KawalUI

/// How the terminal is opened.
public struct TerminalOptions: Sendable {
    /// No colour calls at all; colours become bold (foreground) and reverse (background).
    /// The caller sets it from `NO_COLOR` (any non-empty value).
    public var noColor: Bool
    /// How long a lone Esc waits for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int

    public init(noColor: Bool = false, escapeDelayMilliseconds: Int = 25) {
        self.noColor = noColor
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, Sendable {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses refused, e.g. an unknown `TERM`.
    case cannotInitialise(String)
}

/// What `Terminal.waitForEvents()` reports.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case resize(Size)
    /// A background task called `Waker.wake()`.
    case wake
    /// SIGINT (Ctrl-C), SIGTERM, SIGHUP (a dropped SSH session, also reported when input
    /// hangs up) or SIGQUIT (Ctrl-\).
    case quit(signal: Int32)
}
