/* Colours and attributes by meaning: the pairs are set up here, next to
 * the table that uses them. */
#include "tui_style.h"

#include <curses.h>

#include "tui_view.h"

void tui_style_start(struct tui *t)
{
	t->colors = has_colors();
	if (t->colors) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_BLUE, -1);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_RED, -1);
		init_pair(5, COLOR_YELLOW, -1);
		init_pair(6, COLOR_GREEN, -1);
		init_pair(7, -1, -1);
	}
}

void tui_style(const struct tui *t, enum tui_style style)
{
	static const struct {
		short pair;
		attr_t attr, mono;
	} styles[] = {
		[TUI_STYLE_NORMAL] = {0, A_NORMAL, A_NORMAL},
		[TUI_STYLE_BAR] = {1, A_NORMAL, A_REVERSE},
		[TUI_STYLE_HEADING] = {2, A_BOLD, A_BOLD},
		[TUI_STYLE_LABEL] = {0, A_NORMAL, A_NORMAL},
		[TUI_STYLE_DERIVED] = {3, A_NORMAL, A_DIM},
		[TUI_STYLE_ERROR] = {4, A_BOLD, A_BOLD | A_UNDERLINE},
		[TUI_STYLE_WARNING] = {5, A_NORMAL, A_UNDERLINE},
		[TUI_STYLE_OK] = {6, A_NORMAL, A_NORMAL},
		[TUI_STYLE_DIM] = {7, A_DIM, A_DIM},
		[TUI_STYLE_CURSOR] = {0, A_REVERSE, A_REVERSE},
		[TUI_STYLE_CURSOR_ERROR] = {4, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD},
	};
	if (t->colors)
		attrset(styles[style].attr | COLOR_PAIR(styles[style].pair));
	else
		attrset(styles[style].mono);
}
