import CNcurses

/// Signal handling and the emergency restore, over the async-signal-safe C in the shim.
///
/// This is the only file that may call the shim's `kawal_sig_*` functions: their state is
/// static storage in a header, one copy per object file that uses it.
enum Signals {
    /// Before curses starts: remember the terminal modes and the signal dispositions to put back.
    static func prepare(ttyFD: Int32) {
        kawal_sig_save_termios(ttyFD)
        kawal_sig_snapshot()
    }

    /// After curses started: precompute the reset string from terminfo and install the
    /// handlers. Quit signals and SIGWINCH write their number to `pipeFD`; crash signals
    /// restore the terminal, then go on to the previous handler; SIGPIPE is ignored.
    /// An `atexit` hook restores the terminal if the program exits without `stop()`.
    static func install(pipeFD: Int32) {
        kawal_sig_prepare_restore()
        kawal_sig_install(pipeFD)
    }

    /// Puts back the dispositions found before curses started.
    static func uninstall() { kawal_sig_uninstall() }

    /// Whether a crash or `exit` should restore the terminal (false while curses is paused).
    static func setArmed(_ armed: Bool) { kawal_sig_set_armed(armed ? 1 : 0) }
}
