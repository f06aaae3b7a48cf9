/* The first page of the form (基本信息): organ, year, date, draft. */
#ifndef NIANBAO_TUI_BASICS_H
#define NIANBAO_TUI_BASICS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_view.h"

void tui_basics_draw(struct tui *t);
enum tui_reaction tui_basics_key(struct tui *t, struct tui_key key);
enum tui_reaction tui_basics_insert(struct tui *t, const char *utf8, size_t len);
/* Commits an open field; false (message set) when its value is not valid. */
bool tui_basics_commit(struct tui *t);
/* Where the terminal cursor goes in an open field; false when none is. */
bool tui_basics_cursor(const struct tui *t, int *y, int *x);

#endif
