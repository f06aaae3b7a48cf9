/* The form's keys, in one table: which key does what where, and what the
 * help (F1) and the man page say of it.  Handlers ask for the action of a
 * key and never test key codes themselves, so the three cannot drift.
 * Also the escape sequences terminals send that their terminfo entry
 * may lack (PuTTY, tmux, screen, rxvt), taught to curses at start. */
#ifndef NIANBAO_TUI_KEYS_H
#define NIANBAO_TUI_KEYS_H

#include <stdbool.h>
#include <stdio.h>

#include "tui_view.h"

/* Where a binding applies; the anywhere ones are looked up first. */
enum tui_keys_context {
	TUI_KEYS_ANYWHERE,
	TUI_KEYS_LIST,	 /* the list of sections */
	TUI_KEYS_TABLE,	 /* a table's cells */
	TUI_KEYS_TEXT,	 /* a narrative */
	TUI_KEYS_BASICS, /* the fields of 基本信息 */
	TUI_KEYS_CONTEXTS
};

enum tui_action {
	TUI_ACTION_NONE,
	TUI_ACTION_HELP,
	TUI_ACTION_SAVE,
	TUI_ACTION_CONFIRM,
	TUI_ACTION_OUTPUT,
	TUI_ACTION_ACKNOWLEDGE, /* F6: a warning checked, with a reason */
	TUI_ACTION_QUIT,
	TUI_ACTION_REPAINT,
	TUI_ACTION_NEXT_PAGE,
	TUI_ACTION_PREV_PAGE,
	TUI_ACTION_UNDO,
	TUI_ACTION_REDO,
	TUI_ACTION_LEAVE, /* Esc */
	TUI_ACTION_ENTER,
	TUI_ACTION_NEXT, /* Tab */
	TUI_ACTION_PREV, /* Shift-Tab */
	TUI_ACTION_UP,
	TUI_ACTION_DOWN,
	TUI_ACTION_LEFT,
	TUI_ACTION_RIGHT,
	TUI_ACTION_WORD_LEFT,
	TUI_ACTION_WORD_RIGHT,
	TUI_ACTION_HOME,
	TUI_ACTION_END,
	TUI_ACTION_PAGE_UP,
	TUI_ACTION_PAGE_DOWN,
	TUI_ACTION_BACKSPACE,
	TUI_ACTION_DELETE,
	TUI_ACTION_KILL_LINE,	  /* Ctrl-K */
	TUI_ACTION_KILL_TO_START, /* Ctrl-U */
	TUI_ACTION_EXTERNAL_EDITOR,
	TUI_ACTION_INSERT_SENTENCE, /* F7: templates/sentences.yaml */
	TUI_ACTION_TOGGLE,	    /* space on the draft field */
};

/* Keys of our own for sequences curses has no KEY_ code for. */
#define TUI_KEY_WORD_LEFT (KEY_MAX + 3)
#define TUI_KEY_WORD_RIGHT (KEY_MAX + 4)

/* The action of key in context (the anywhere bindings first), or
 * TUI_ACTION_NONE. */
enum tui_action tui_keys_action(enum tui_keys_context context, struct tui_key key);
/* Whether the table is sound: no key bound twice in one context, nor in
 * a context and anywhere (the anywhere binding would hide it).  NULL, or
 * a static description of the first clash. */
const char *tui_keys_clash(void);
/* Teaches curses the sequences of the terminals we know (define_key). */
void tui_keys_define_sequences(void);

/* The help's lines, from the table: line i of *count (static strings). */
size_t tui_keys_help_count(void);
const char *tui_keys_help_line(size_t i, char *scratch, size_t size);
/* The man page's key list (roff), from the same table. */
void tui_keys_write_man(FILE *fp);

struct textedit;
/* Moves the cursor of e by one of the moves every text field shares
 * (left, right, by words, home, end); false when action is not one. */
bool tui_keys_move_text(struct textedit *e, enum tui_action action);

#endif
