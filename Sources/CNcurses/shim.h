// Wide-character ncurses for Swift: the curses header with the X/Open extensions enabled,
// plus functions for the macros and globals that Swift cannot import (or that Swift 6
// refuses as non-concurrency-safe). Used only by Sources/encore/Terminal/NcursesTerminal.swift.
#ifndef ENCORE_CNCURSES_SHIM_H
#define ENCORE_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <signal.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

/// The standard screen window (valid after newterm).
static inline WINDOW *encore_stdscr(void) { return stdscr; }

/// The C standard streams, as functions (Swift 6 refuses the globals).
static inline FILE *encore_stdout(void) { return stdout; }
static inline FILE *encore_stdin(void) { return stdin; }

/// Screen rows and columns.
static inline int encore_lines(void) { return LINES; }
static inline int encore_cols(void) { return COLS; }
static inline int encore_colors(void) { return COLORS; }
static inline int encore_color_pairs(void) { return COLOR_PAIRS; }

/// Size of a window, as getmaxyx does.
static inline void encore_getmaxyx(WINDOW *window, int *rows, int *cols) {
  int y = 0, x = 0;
  getmaxyx(window, y, x);
  *rows = y;
  *cols = x;
}

/// Video attributes.
static inline attr_t encore_a_normal(void) { return A_NORMAL; }
static inline attr_t encore_a_bold(void) { return A_BOLD; }
static inline attr_t encore_a_reverse(void) { return A_REVERSE; }
static inline attr_t encore_a_dim(void) { return A_DIM; }
static inline attr_t encore_a_underline(void) { return A_UNDERLINE; }

/// Function key n (KEY_F(n)).
static inline int encore_key_f(int n) { return KEY_F(n); }

/// The key code ncurses reports for a mouse event.
static inline int encore_key_mouse(void) { return KEY_MOUSE; }

/// Asks for left-button presses and clicks, reported at once (no click interval).
static inline void encore_enable_mouse(void) {
  mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
  mouseinterval(0);
}

/// Reads the pending mouse event; returns 1 and its cell for a left press or click, else 0.
static inline int encore_read_click(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  if (!(event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) return 0;
  *x = event.x;
  *y = event.y;
  return 1;
}

/// Stops the process group as Ctrl-Z in a cooked terminal would, with the default SIGTSTP
/// action (ncurses' own handler is put aside), and returns once the shell continues it (fg).
/// In a process group without job control the kernel discards the signal and this returns.
static inline void encore_stop_process(void) {
  struct sigaction stop, previous;
  memset(&stop, 0, sizeof stop);
  stop.sa_handler = SIG_DFL;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGTSTP, &stop, &previous);
  sigset_t tstp, saved;
  sigemptyset(&tstp);
  sigaddset(&tstp, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &tstp, &saved);
  kill(0, SIGTSTP);
  pthread_sigmask(SIG_SETMASK, &saved, NULL);
  sigaction(SIGTSTP, &previous, NULL);
}

/// Whether the current terminal can move the cursor (has a usable "cup" capability).
static inline int encore_has_cursor_addressing(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1 && cup[0] != '\0';
}

/// Whether the locale's character set is UTF-8.
static inline int encore_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
