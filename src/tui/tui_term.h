/* The terminal the form runs in: starting and ending curses, the signals
 * that end the form, reading keys, and the terminal's paste markers. */
#ifndef NIANBAO_TUI_TERM_H
#define NIANBAO_TUI_TERM_H

#include <curses.h>
#include <stdbool.h>
#include <wchar.h>

struct tui;

/* The markers a terminal in bracketed-paste mode puts around a paste,
 * as keys of our own (define_key). */
#define TUI_TERM_PASTE_BEGIN (KEY_MAX + 1)
#define TUI_TERM_PASTE_END (KEY_MAX + 2)

/* Sets the locale; false when it cannot be UTF-8. */
bool tui_term_utf8_locale(void);
/* Starts curses in raw mode with the form's signal handlers, colours
 * (tui_style_start) and paste markers; sets t->rows and t->cols. */
void tui_term_start(struct tui *t);
/* Ends curses (also from the out-of-memory path) so the shell is usable. */
void tui_term_restore(void);
/* Asks the terminal to mark pastes (on), or to stop (off: before an
 * external editor runs, and when the form ends). */
void tui_term_bracketed_paste(bool on);
/* get_wch, waiting at most a second; ERR when no key came. */
int tui_term_read_key(wint_t *ch);
/* True when the terminal has sent bytes not read yet. */
bool tui_term_input_pending(void);
/* The signal (SIGHUP, SIGTERM, SIGINT) that asks the form to end, or 0. */
int tui_term_stop_signal(void);
/* True when the terminal went away without a SIGHUP. */
bool tui_term_lost(void);

#endif
