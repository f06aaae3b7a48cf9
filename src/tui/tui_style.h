/* Colours and attributes by meaning, in colour or on a monochrome
 * terminal. */
#ifndef NIANBAO_TUI_STYLE_H
#define NIANBAO_TUI_STYLE_H

struct tui;

enum tui_style {
	TUI_STYLE_NORMAL,
	TUI_STYLE_BAR, /* title and key-hint bars */
	TUI_STYLE_HEADING,
	TUI_STYLE_LABEL,
	TUI_STYLE_DERIVED, /* a total the form keeps */
	TUI_STYLE_ERROR,
	TUI_STYLE_WARNING,
	TUI_STYLE_OK,
	TUI_STYLE_DIM,
	TUI_STYLE_CURSOR,
	TUI_STYLE_CURSOR_ERROR,
};

/* Sets t->colors from the terminal and, with colours, their pairs
 * (after initscr). */
void tui_style_start(struct tui *t);
/* Draws what follows in style. */
void tui_style(const struct tui *t, enum tui_style style);

#endif
