#ifndef KAWAL_CNCURSES_SHIM_H
#define KAWAL_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ------------------------------------------------------------------------------------------
 * Globals and macros, reached through functions: Swift 6 refuses C globals (not
 * concurrency-safe) and cannot call function-like macros.
 * ---------------------------------------------------------------------------------------- */

static inline WINDOW *kawal_stdscr(void) { return stdscr; }
static inline int kawal_lines(void) { return LINES; }
static inline int kawal_cols(void) { return COLS; }
static inline int kawal_colors(void) { return COLORS; }
static inline int kawal_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *kawal_stdin_file(void) { return stdin; }
static inline FILE *kawal_stdout_file(void) { return stdout; }

static inline attr_t kawal_attr_bold(void) { return WA_BOLD; }
static inline attr_t kawal_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t kawal_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t kawal_attr_dim(void) { return WA_DIM; }
static inline attr_t kawal_attr_normal(void) { return WA_NORMAL; }

static inline int kawal_key_f0(void) { return KEY_F0; }
static inline int kawal_maxy(WINDOW *win) { return getmaxy(win); }
static inline int kawal_maxx(WINDOW *win) { return getmaxx(win); }

extern int wcwidth(wchar_t);
/// Display width of `wc` under the current locale (-1: unprintable).
static inline int kawal_locale_wcwidth(wchar_t wc) { return wcwidth(wc); }

/// The codeset of the current LC_CTYPE locale, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *kawal_codeset(void) { return nl_langinfo(CODESET); }

/// Writes one cell: `wstr` is a NUL-terminated spacing character followed by at most four
/// combining characters. Returns ERR for the bottom-right cell when scrolling is off, which
/// the caller ignores (the cell is stored all the same).
static inline int kawal_put_cell(WINDOW *win, int y, int x, const wchar_t *wstr, attr_t attrs, short pair) {
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, wstr, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Bytes waiting to be read on `fd` (-1 when unknown).
static inline int kawal_bytes_available(int fd) {
    int n = 0;
    if (ioctl(fd, FIONREAD, &n) < 0) return -1;
    return n;
}

/// A close-on-exec pipe whose ends never block. 0 on success, -1 (errno set) on failure.
static inline int kawal_make_pipe(int fds[2]) {
    if (pipe(fds) < 0) return -1;
    for (int i = 0; i < 2; i++) {
        int fl = fcntl(fds[i], F_GETFL);
        if (fl < 0 || fcntl(fds[i], F_SETFL, fl | O_NONBLOCK) < 0) goto fail;
        int fd_flags = fcntl(fds[i], F_GETFD);
        if (fd_flags < 0 || fcntl(fds[i], F_SETFD, fd_flags | FD_CLOEXEC) < 0) goto fail;
    }
    return 0;
fail:
    close(fds[0]);
    close(fds[1]);
    return -1;
}

static inline void kawal_close(int fd) { (void)close(fd); }

/// Writes one byte, retrying on EINTR; a full pipe (EAGAIN) already holds a pending wake.
static inline void kawal_write_byte(int fd, unsigned char byte) {
    int saved = errno;
    while (write(fd, &byte, 1) < 0 && errno == EINTR) {}
    errno = saved;
}

/* ------------------------------------------------------------------------------------------
 * Signals and emergency restore.
 *
 * The handlers must be async-signal-safe, so they are written here in C over static state.
 * Static storage in a header is one copy per object file that uses it: call the kawal_sig_*
 * functions from ONE Swift file only (KawalTerminal/Signals.swift).
 * ---------------------------------------------------------------------------------------- */

enum { KAWAL_QUIT_SIGNAL_COUNT = 4, KAWAL_CRASH_SIGNAL_COUNT = 6, KAWAL_RESTORE_MAX = 512 };

static const int kawal_quit_signals[KAWAL_QUIT_SIGNAL_COUNT] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int kawal_crash_signals[KAWAL_CRASH_SIGNAL_COUNT] = { SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGTRAP, SIGFPE };

typedef struct {
    volatile sig_atomic_t armed;       /* the terminal is in curses mode */
    volatile sig_atomic_t pipe_fd;     /* where quit/resize signals are reported, or -1 */
    int tty_fd;
    int termios_saved;
    struct termios termios;
    char restore[KAWAL_RESTORE_MAX];
    size_t restore_len;
    int installed;
    int snapshot_taken;
    int atexit_registered;
    struct sigaction old_quit[KAWAL_QUIT_SIGNAL_COUNT];
    struct sigaction old_crash[KAWAL_CRASH_SIGNAL_COUNT];
    struct sigaction old_winch;        /* ncurses' own SIGWINCH handler, called first */
    struct sigaction old_pipe;
} kawal_sig_state_t;

static inline kawal_sig_state_t *kawal_sig_state(void) {
    static kawal_sig_state_t state = { .armed = 0, .pipe_fd = -1, .tty_fd = -1 };
    return &state;
}

/// Restores the saved termios and writes the precomputed reset string (exit keypad mode,
/// reset attributes, show the cursor, leave the alternate screen). Async-signal-safe; runs once per arming.
static inline void kawal_sig_emergency_restore(void) {
    kawal_sig_state_t *s = kawal_sig_state();
    if (!s->armed) return;
    s->armed = 0;
    int saved = errno;
    if (s->tty_fd >= 0) {
        if (s->termios_saved) (void)tcsetattr(s->tty_fd, TCSANOW, &s->termios);
        size_t off = 0;
        while (off < s->restore_len) {
            ssize_t n = write(s->tty_fd, s->restore + off, s->restore_len - off);
            if (n > 0) off += (size_t)n;
            else if (n < 0 && errno == EINTR) continue;
            else break;
        }
    }
    errno = saved;
}

static void kawal_sig_on_quit(int sig) {
    int fd = kawal_sig_state()->pipe_fd;
    if (fd >= 0) kawal_write_byte(fd, (unsigned char)sig);
}

static void kawal_sig_on_winch(int sig, siginfo_t *info, void *context) {
    kawal_sig_state_t *s = kawal_sig_state();
    struct sigaction *old = &s->old_winch;
    if (old->sa_flags & SA_SIGINFO) {
        if (old->sa_sigaction) old->sa_sigaction(sig, info, context);
    } else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler) {
        old->sa_handler(sig);
    }
    if (s->pipe_fd >= 0) kawal_write_byte(s->pipe_fd, (unsigned char)sig);
}

static void kawal_sig_on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    kawal_sig_emergency_restore();
    kawal_sig_state_t *s = kawal_sig_state();
    for (int i = 0; i < KAWAL_CRASH_SIGNAL_COUNT; i++) {
        if (kawal_crash_signals[i] == sig) (void)sigaction(sig, &s->old_crash[i], NULL);
    }
    /* A fault re-occurs when we return (the instruction runs again) and reaches the previous
       handler with its real siginfo; a signal that was sent (kill, abort, int3) is sent again. */
    if (info == NULL || info->si_code <= 0 || sig == SIGTRAP || sig == SIGABRT) raise(sig);
}

static void kawal_sig_atexit(void) { kawal_sig_emergency_restore(); }

/// Saves the terminal modes of `tty_fd` before curses changes them.
static inline void kawal_sig_save_termios(int tty_fd) {
    kawal_sig_state_t *s = kawal_sig_state();
    s->tty_fd = tty_fd;
    s->termios_saved = tcgetattr(tty_fd, &s->termios) == 0;
}

static inline void kawal_sig_append(const char *cap) {
    kawal_sig_state_t *s = kawal_sig_state();
    if (cap == NULL || cap == (const char *)-1) return;
    size_t n = strlen(cap);
    if (s->restore_len + n >= KAWAL_RESTORE_MAX) return;
    memcpy(s->restore + s->restore_len, cap, n);
    s->restore_len += n;
}

/// Precomputes the reset string from terminfo (needs a loaded terminal: call after newterm).
static inline void kawal_sig_prepare_restore(void) {
    kawal_sig_state_t *s = kawal_sig_state();
    s->restore_len = 0;
    kawal_sig_append(tigetstr("rmkx"));
    kawal_sig_append(tigetstr("sgr0"));
    kawal_sig_append(tigetstr("cnorm"));
    const char *rmcup = tigetstr("rmcup");
    if (rmcup == NULL || rmcup == (const char *)-1 || *rmcup == '\0') kawal_sig_append("\r\n");
    else kawal_sig_append(rmcup);
}

/// Records the signal dispositions before curses starts (ncurses installs its own for
/// SIGINT and SIGTERM), so that uninstalling puts back what the program had.
static inline void kawal_sig_snapshot(void) {
    kawal_sig_state_t *s = kawal_sig_state();
    if (s->installed) return;
    for (int i = 0; i < KAWAL_QUIT_SIGNAL_COUNT; i++) (void)sigaction(kawal_quit_signals[i], NULL, &s->old_quit[i]);
    for (int i = 0; i < KAWAL_CRASH_SIGNAL_COUNT; i++) (void)sigaction(kawal_crash_signals[i], NULL, &s->old_crash[i]);
    (void)sigaction(SIGPIPE, NULL, &s->old_pipe);
    s->snapshot_taken = 1;
}

/// Installs the handlers: quit signals and SIGWINCH report to `pipe_fd`; crash signals
/// restore the terminal and go on to the previous handler; SIGPIPE is ignored.
static inline void kawal_sig_install(int pipe_fd) {
    kawal_sig_state_t *s = kawal_sig_state();
    if (s->installed) return;
    s->pipe_fd = pipe_fd;

    struct sigaction act;
    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_RESTART;
    act.sa_handler = kawal_sig_on_quit;
    for (int i = 0; i < KAWAL_QUIT_SIGNAL_COUNT; i++)
        (void)sigaction(kawal_quit_signals[i], &act, s->snapshot_taken ? NULL : &s->old_quit[i]);

    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_RESTART | SA_SIGINFO;
    act.sa_sigaction = kawal_sig_on_winch;
    (void)sigaction(SIGWINCH, &act, &s->old_winch);

    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_flags = SA_SIGINFO;
    act.sa_sigaction = kawal_sig_on_crash;
    for (int i = 0; i < KAWAL_CRASH_SIGNAL_COUNT; i++)
        (void)sigaction(kawal_crash_signals[i], &act, s->snapshot_taken ? NULL : &s->old_crash[i]);

    memset(&act, 0, sizeof act);
    sigemptyset(&act.sa_mask);
    act.sa_handler = SIG_IGN;
    (void)sigaction(SIGPIPE, &act, s->snapshot_taken ? NULL : &s->old_pipe);

    s->installed = 1;
    s->armed = 1;
    if (!s->atexit_registered) s->atexit_registered = atexit(kawal_sig_atexit) == 0;
}

/// Puts back the handlers found at install time and stops reporting to the pipe.
static inline void kawal_sig_uninstall(void) {
    kawal_sig_state_t *s = kawal_sig_state();
    s->armed = 0;
    if (!s->installed) return;
    for (int i = 0; i < KAWAL_QUIT_SIGNAL_COUNT; i++) (void)sigaction(kawal_quit_signals[i], &s->old_quit[i], NULL);
    (void)sigaction(SIGWINCH, &s->old_winch, NULL);
    for (int i = 0; i < KAWAL_CRASH_SIGNAL_COUNT; i++) (void)sigaction(kawal_crash_signals[i], &s->old_crash[i], NULL);
    (void)sigaction(SIGPIPE, &s->old_pipe, NULL);
    s->pipe_fd = -1;
    s->installed = 0;
    s->snapshot_taken = 0;
}

/// Arms or disarms the emergency restore (disarmed while curses is paused, e.g. after endwin).
static inline void kawal_sig_set_armed(int armed) { kawal_sig_state()->armed = armed; }

#endif
