// The wide-character curses API, and what Swift cannot import from it directly.
#ifndef RNNTRACE_CNCURSES_SHIM_H
#define RNNTRACE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>

// Glibc's Swift module hides wcwidth; curses measures with it, so the backend does too.
int wcwidth(wchar_t c);

// Attribute macros.
static inline attr_t rnn_a_normal(void) { return A_NORMAL; }
static inline attr_t rnn_a_bold(void) { return A_BOLD; }
static inline attr_t rnn_a_dim(void) { return A_DIM; }
static inline attr_t rnn_a_reverse(void) { return A_REVERSE; }
static inline attr_t rnn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rnn_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline int rnn_pair_number(attr_t attributes) { return PAIR_NUMBER(attributes); }

// Mutable globals, which Swift 6 rejects as not concurrency-safe.
static inline WINDOW *rnn_stdscr(void) { return stdscr; }
static inline int rnn_lines(void) { return LINES; }
static inline int rnn_cols(void) { return COLS; }
static inline int rnn_colors(void) { return COLORS; }
static inline int rnn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rnn_stdout(void) { return stdout; }
static inline FILE *rnn_stdin(void) { return stdin; }

// The colours terminfo gives the terminal type `name` (-1 where it has none, -2 where
// the type is unknown), without starting curses or touching the current terminal.
// Declared here rather than through <term.h>, whose macros name every capability.
struct term;
int setupterm(const char *name, int fd, int *error);
struct term *set_curterm(struct term *terminal);
int del_curterm(struct term *terminal);
static inline int rnn_terminfo_colors(const char *name) {
  struct term *saved = set_curterm(NULL);
  int error = 0;
  int colors = -2;
  if (setupterm(name, 2, &error) == 0) colors = tigetnum("colors");
  struct term *made = set_curterm(saved);
  if (made != NULL) del_curterm(made);
  return colors;
}

// Installs `handler` for `sig`, keeping the action it replaces in `previous` (Swift
// cannot fill Glibc's sigaction union portably).
static inline int rnn_set_signal_handler(int sig, void (*handler)(int, siginfo_t *, void *),
                                         struct sigaction *previous) {
  struct sigaction action;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_NODEFER | SA_SIGINFO;
  action.sa_sigaction = handler;
  return sigaction(sig, &action, previous);
}

// Whether the signal was sent (kill, raise, abort) rather than raised by a fault.
static inline int rnn_signal_was_sent(const siginfo_t *info) {
  return info == NULL || info->si_code <= 0;
}

static inline int rnn_restore_signal_handler(int sig, const struct sigaction *previous) {
  return sigaction(sig, previous, NULL);
}

// Ctrl-Z while the terminal is raw: leave curses, stop, and come back on SIGCONT.
static inline void rnn_suspend(void) {
  endwin();
  raise(SIGTSTP);
}

#endif
