#ifndef KAWAL_CNCURSES_SHIM_H
#define KAWAL_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

static inline WINDOW *kawal_stdscr(void) { return stdscr; }
static inline int kawal_lines(void) { return LINES; }
static inline int kawal_cols(void) { return COLS; }
#endif
