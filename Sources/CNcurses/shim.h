// The wide-character curses API, and what Swift cannot import from it directly.
#ifndef RNNTRACE_CNCURSES_SHIM_H
#define RNNTRACE_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <curses.h>
#endif
