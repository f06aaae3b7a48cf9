/* Keys and typed text, dispatched to the open dialog, the help, the keys
 * that mean the same everywhere, or the part of the screen with the
 * focus.  The per-keystroke path, also driven by the benchmark without a
 * terminal: a key or a run of typed text changes state and says what
 * changed; drawing repaints everything from state (tui_screen.c). */
#ifndef NIANBAO_TUI_INPUT_H
#define NIANBAO_TUI_INPUT_H

#include <stddef.h>
#include <wchar.h>

#include "tui_view.h"

enum tui_reaction tui_input_key(struct tui *t, struct tui_key key);
enum tui_reaction tui_input_text(struct tui *t, const char *utf8, size_t len);
/* Reads keys from the terminal, starting with first (of get_wch's kind),
 * until none are waiting, handling runs of typed characters (a paste) as
 * one insertion, so the screen is drawn once per burst. */
enum tui_reaction tui_input_burst(struct tui *t, wint_t first, int first_kind);

#endif
