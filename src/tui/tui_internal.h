/* What the parts of the form (tui_*.c) share: the view state and the
 * reactions key handlers return.  Only tui files include this and curses.
 * The view never computes a rule: it asks the session (session.h), which
 * re-runs the rules after every change. */
#ifndef NIANBAO_TUI_INTERNAL_H
#define NIANBAO_TUI_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "buf.h"
#include "textedit.h"

struct catalog;
struct form;
struct session;

/* What a key handler did; consumed in one place, the main loop. */
enum tui_reaction {
	TUI_NONE = 0,
	TUI_REDRAW = 1 << 0,	/* the view changed: draw again */
	TUI_CHANGED = 1 << 1,	/* the report changed (test this bit, not TUI_EDITED) */
	TUI_EDITED = TUI_CHANGED | TUI_REDRAW,	/* the report changed: recovery file, draw */
	TUI_QUIT = 1 << 2,
};

/* A key as ncurses gives it: a character, or a KEY_ code. */
struct tui_key {
	wint_t code;
	bool function;		/* code is a KEY_ value, not a character */
};

enum tui_focus { TUI_FOCUS_SECTIONS, TUI_FOCUS_CONTENT };

/* A question the form asks over the screen; keys answer it first. */
enum tui_dialog {
	TUI_DIALOG_NONE,
	TUI_DIALOG_CONFLICT,	/* the file changed on disk: save over it? */
	TUI_DIALOG_QUIT,	/* unsaved changes: save, discard or go on? */
};

/* Fields of the first page (基本信息): the report's own keys. */
enum tui_basic_field {
	TUI_FIELD_ORGAN,
	TUI_FIELD_YEAR,
	TUI_FIELD_ISSUED_ON,
	TUI_FIELD_DRAFT,
	TUI_FIELDS
};

enum tui_message_kind { TUI_MESSAGE_INFO, TUI_MESSAGE_ERROR };

struct tui {
	struct session *session;	/* borrowed */
	struct catalog *catalog;	/* borrowed */
	const struct form *form;

	/* pages: 0 is 基本信息, page p > 0 is form section p - 1 */
	size_t page;
	enum tui_focus focus;
	size_t item;		/* the item of the section the cursor is in */
	size_t row;		/* table row (never a group row) */
	size_t column;		/* table column */
	size_t field;		/* basics page: enum tui_basic_field */
	size_t scroll;		/* first page line shown */

	/* a number being typed into the cursor's cell */
	bool number_editing;
	struct buf number;	/* what was typed, ASCII */
	int64_t number_before;	/* the value before typing began (Esc) */

	/* the text item or basics field being edited */
	bool text_open;
	size_t text_cell;	/* form cell of the open text, or a basics field */
	struct textedit text;

	/* the message line: a transient message, else the cursor's problem */
	char *message;
	enum tui_message_kind message_kind;
	int message_lines;	/* lines the message line takes (1 or 2), from tui_layout */

	bool repaint_all;	/* the next drawing repaints every cell (Ctrl-L) */
	bool pasting;		/* between a terminal's paste markers */
	enum tui_dialog dialog;	/* the question being asked, or TUI_DIALOG_NONE */
	bool quit_after_save;	/* quitting waits for a save (and its dialog) */
	bool help;		/* the help screen is shown */

	/* what tui_layout found for the state above; drawing only reads it */
	struct tui_page_layout *layout;	/* the section page, owned */
	char *status;		/* the message line's text (owned), or NULL */
	enum tui_message_kind status_kind;
	bool cursor_shown;	/* where the terminal cursor goes, for input methods */
	int cursor_y, cursor_x;
	size_t help_scroll;	/* its first line shown */
	int rows, cols;		/* screen size */
	bool colors;
};

/* The per-keystroke path, also driven by the benchmark without a
 * terminal (tui.c): a key or a run of typed text changes state and says
 * what changed; drawing repaints everything from state. */
enum tui_reaction tui_handle_key(struct tui *t, struct tui_key key);
enum tui_reaction tui_insert_text(struct tui *t, const char *utf8, size_t len);
/* Frees the view state (not the session, which the caller owns). */
void tui_fini(struct tui *t);

/* Lays the screen out for the state (after every change, before drawing)
 * and draws it; drawing only reads what the layout found. */
void tui_layout(struct tui *t);
void tui_draw(struct tui *t);

/* Asks the terminal to mark pastes (on), or to stop (off: before an
 * external editor runs, and when the form ends). */
void tui_bracketed_paste(bool on);

/* Layout of the screen for the current size. */
int tui_sidebar_width(const struct tui *t);
int tui_content_x(const struct tui *t);
int tui_content_width(const struct tui *t);
int tui_body_top(const struct tui *t);
int tui_body_height(const struct tui *t);

/* Sets the transient message (copied). */
void tui_message(struct tui *t, enum tui_message_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The form section shown, or FORM_NONE on the basics page. */
size_t tui_section(const struct tui *t);
/* Goes to page (closing any edit) and puts the cursor on its first stop. */
void tui_goto_page(struct tui *t, size_t page);

/* Colours and attributes by meaning. */
enum tui_style {
	TUI_STYLE_NORMAL,
	TUI_STYLE_BAR,		/* title and key-hint bars */
	TUI_STYLE_HEADING,
	TUI_STYLE_LABEL,
	TUI_STYLE_DERIVED,	/* a total the form keeps */
	TUI_STYLE_ERROR,
	TUI_STYLE_WARNING,
	TUI_STYLE_OK,
	TUI_STYLE_DIM,
	TUI_STYLE_CURSOR,
	TUI_STYLE_CURSOR_ERROR,
};
void tui_style(struct tui *t, enum tui_style style);

/* Writes s at (y, x) in at most width columns, never splitting a wide
 * character; invalid bytes show as U+FFFD.  Returns the columns used. */
int tui_put(int y, int x, const char *s, int width);
/* The same, right-aligned in width columns. */
void tui_put_right(int y, int x, const char *s, int width);
/* Draws s wrapped into lines of width columns from (y, x), at most
 * max_lines (the last cut with "…"); returns the lines used.
 * tui_wrapped_lines counts them without drawing. */
int tui_put_wrapped(int y, int x, const char *s, int width, int max_lines);
int tui_wrapped_lines(const char *s, int width, int max_lines);
/* Fills width columns at (y, x) with spaces. */
void tui_blank(int y, int x, int width);

/* Section pages (tui_page.c).  tui_page_layout lays the page out for the
 * current state (scroll, wrapping, the problem list, the cursor) and keeps
 * the result in t->layout; tui_page_draw only draws what it found. */
void tui_page_layout(struct tui *t);
void tui_page_layout_free(struct tui *t);
void tui_page_draw(struct tui *t);
enum tui_reaction tui_page_key(struct tui *t, struct tui_key key);
/* Inserts typed or pasted text at the cursor (a run of characters). */
enum tui_reaction tui_page_insert(struct tui *t, const char *utf8, size_t len);
/* Ends any number or text edit in progress, keeping what was typed. */
void tui_page_commit(struct tui *t);
/* Puts the cursor on the first (or, with last, the last) stop of the page. */
void tui_page_first_stop(struct tui *t, bool last);
/* The line for the message bar about the cursor's cell (caller frees). */
char *tui_page_status(const struct tui *t, enum tui_message_kind *kind);
/* True when the cursor is on a narrative rather than in a table. */
bool tui_page_on_text(const struct tui *t);

/* The basics page (tui_basics.c). */
void tui_basics_draw(struct tui *t);
enum tui_reaction tui_basics_key(struct tui *t, struct tui_key key);
enum tui_reaction tui_basics_insert(struct tui *t, const char *utf8, size_t len);
/* Commits an open field; false (message set) when its value is not valid. */
bool tui_basics_commit(struct tui *t);
bool tui_basics_cursor(const struct tui *t, int *y, int *x);

/* The section list (tui_sidebar.c). */
void tui_sidebar_draw(struct tui *t);
enum tui_reaction tui_sidebar_key(struct tui *t, struct tui_key key);

/* The help screen (tui_help.c): arrows and PgUp/PgDn scroll it, any
 * other key closes it. */
void tui_help_layout(struct tui *t);
void tui_help_draw(struct tui *t);
enum tui_reaction tui_help_key(struct tui *t, struct tui_key key);

/* Text editing in an external editor (tui_page.c). */
enum tui_reaction tui_page_external_editor(struct tui *t);

#endif
