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

// Mutable globals, which Swift 6 rejects as not concurrency-safe.
static inline WINDOW *rnn_stdscr(void) { return stdscr; }
static inline int rnn_lines(void) { return LINES; }
static inline int rnn_cols(void) { return COLS; }
static inline int rnn_colors(void) { return COLORS; }
static inline int rnn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *rnn_stdout(void) { return stdout; }
static inline FILE *rnn_stdin(void) { return stdin; }

// Restores the terminal whatever ends the process: a fatal signal (a Swift trap arrives
// as SIGILL or SIGTRAP) or a request to terminate. The handler that was there before
// (the Swift runtime's backtracer, or the default) is put back and the signal delivered
// again, so the backtrace and the exit status are the usual ones. endwin is not
// async-signal-safe, but ncurses' own handlers make the same call before exiting.
enum { RNN_SIGNAL_COUNT = 10 };
static const int rnn_signals[RNN_SIGNAL_COUNT] = {
    SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTERM, SIGHUP, SIGINT, SIGQUIT};
static struct sigaction rnn_previous_actions[RNN_SIGNAL_COUNT];

static inline void rnn_remove_restoring_handlers(void) {
  for (int i = 0; i < RNN_SIGNAL_COUNT; i++) {
    sigaction(rnn_signals[i], &rnn_previous_actions[i], NULL);
  }
}

static inline void rnn_restore_and_reraise(int sig) {
  endwin();
  rnn_remove_restoring_handlers();
  // A fault re-executes its instruction on return and reaches the previous handler with
  // its real context; a signal that was sent is sent again.
  if (sig != SIGSEGV && sig != SIGBUS && sig != SIGILL && sig != SIGFPE) raise(sig);
}

static inline void rnn_install_restoring_handlers(void) {
  for (int i = 0; i < RNN_SIGNAL_COUNT; i++) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER;
    action.sa_handler = rnn_restore_and_reraise;
    sigaction(rnn_signals[i], &action, &rnn_previous_actions[i]);
  }
}

// Ctrl-Z while the terminal is raw: leave curses, stop, and come back on SIGCONT.
static inline void rnn_suspend(void) {
  endwin();
  raise(SIGTSTP);
}

#endif
