/* The view state of the form, which every part of it (tui_*.c) shares,
 * and the reactions key handlers return.  It sits at the bottom of the
 * form's headers and needs none of them.  The view never computes a
 * rule: it asks the session (session.h), which re-runs the rules after
 * every change. */
#ifndef NIANBAO_TUI_VIEW_H
#define NIANBAO_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "buf.h"
#include "textedit.h"

struct catalog;
struct form;
struct session;
struct tui_undo;

/* What a key handler did; consumed in one place, the main loop. */
enum tui_reaction {
	TUI_NONE = 0,
	TUI_REDRAW = 1 << 0,  /* the view changed: draw again */
	TUI_CHANGED = 1 << 1, /* the report changed (test this bit, not TUI_EDITED) */
	TUI_EDITED = TUI_CHANGED | TUI_REDRAW, /* the report changed: recovery file, draw */
	TUI_QUIT = 1 << 2,
	TUI_SAVE_AS = 1 << 3, /* the clerk asked for 另存为: the loop asks the name */
};

/* A key as ncurses gives it: a character, or a KEY_ code. */
struct tui_key {
	wint_t code;
	bool function; /* code is a KEY_ value, not a character */
};

enum tui_focus { TUI_FOCUS_SECTIONS, TUI_FOCUS_CONTENT };

/* A question the form asks over the screen; keys answer it first. */
enum tui_dialog {
	TUI_DIALOG_NONE,
	TUI_DIALOG_CONFLICT,	   /* the file changed on disk: save over it? */
	TUI_DIALOG_QUIT,	   /* unsaved changes: save, discard or go on? */
	TUI_DIALOG_QUIT_READ_ONLY, /* the same where the file cannot be saved */
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

/* The most cells of a page marked as the ones to correct. */
#define TUI_SUGGESTED_MAX 3

struct tui {
	struct session *session; /* borrowed */
	struct catalog *catalog; /* borrowed */
	const struct form *form;

	/* pages: 0 is 基本信息, page p > 0 is form section p - 1 */
	size_t page;
	enum tui_focus focus;
	size_t item;   /* the item of the section the cursor is in */
	size_t row;    /* table row (never a group row) */
	size_t column; /* table column */
	size_t field;  /* basics page: enum tui_basic_field */
	size_t scroll; /* first page line shown */

	size_t last_cell; /* the number cell whose value was changed last, for hints, or SIZE_MAX */

	/* a number being typed into the cursor's cell */
	bool number_editing;
	struct buf number;     /* what was typed, ASCII */
	int64_t number_before; /* the value before typing began (Esc) */

	/* the text item or basics field being edited */
	bool text_open;
	size_t text_cell; /* form cell of the open text, or a basics field */
	struct textedit text;
	char *field_before; /* a basics field's value when its edit began (owned) */

	/* the message line: a transient message, else the cursor's problem */
	char *message;
	enum tui_message_kind message_kind;
	int message_lines; /* lines the message line takes (1 or 2), from tui_screen_layout */

	bool repaint_all;	/* the next drawing repaints every cell (Ctrl-L) */
	bool pasting;		/* between a terminal's paste markers */
	enum tui_dialog dialog; /* the question being asked, or TUI_DIALOG_NONE */
	bool quit_after_save;	/* quitting waits for a save (and its dialog) */
	bool help;		/* the help screen is shown */
	char *kept_at;		/* where quitting a read-only report kept its work (owned) */
	bool recovery_failing;	/* the last write of the recovery file failed */
	struct tui_undo *undo;	/* the steps Ctrl-Z takes back (tui_undo.c), owned */

	/* what tui_screen_layout found for the state above; drawing only reads it */
	struct tui_page_layout *layout; /* the section page, owned */
	char *status;			/* the message line's text (owned), or NULL */
	enum tui_message_kind status_kind;
	size_t suggested[TUI_SUGGESTED_MAX]; /* cells the problem list says to correct */
	size_t nsuggested;
	bool cursor_shown; /* where the terminal cursor goes, for input methods */
	int cursor_y, cursor_x;
	size_t help_scroll; /* its first line shown */
	int rows, cols;	    /* screen size */
	bool colors;
};

#endif
