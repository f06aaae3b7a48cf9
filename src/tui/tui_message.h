/* The transient message of the message line (what a command did, or why
 * it did not); it stays until the next key. */
#ifndef NIANBAO_TUI_MESSAGE_H
#define NIANBAO_TUI_MESSAGE_H

#include "tui_view.h"

/* Sets the transient message (copied). */
void tui_message(struct tui *t, enum tui_message_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
