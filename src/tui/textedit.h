/* A multi-line text being edited: the narrative sections of the form.
 * The text is UTF-8 with '\n' between paragraphs; the cursor is a byte
 * offset that always sits on a character boundary, so it can never stop
 * inside a UTF-8 sequence or half of a wide character.  Paragraphs wrap
 * into visual lines by display width.  No terminal here: the form draws
 * the lines this module lays out. */
#ifndef NIANBAO_TEXTEDIT_H
#define NIANBAO_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct textedit_line {
	size_t start, end; /* byte offsets; end excludes the '\n' */
};

struct textedit {
	struct buf text;
	size_t cursor;		     /* byte offset */
	bool at_line_end;	     /* a cursor where a wrapped line ends shows at its end */
	int goal_column;	     /* display column kept while moving up and down, or -1 */
	size_t max_chars;	     /* longest text accepted */
	size_t chars;		     /* characters in text, kept as it changes */
	int width;		     /* wrap width in columns */
	struct textedit_line *lines; /* the visual lines for width */
	/* the last change: bytes [edit_from, edit_old_to) of the text before
	 * it became [edit_from, edit_new_to), for session_splice_text */
	size_t edit_from, edit_old_to, edit_new_to;
	size_t nlines, cap;
	/* one paragraph decoded for the line breaker, kept between layouts so
	 * that a keystroke allocates nothing */
	uint32_t *cps;
	double *widths;
	size_t *offsets;
	size_t scratch_cap;
};

enum textedit_refusal {
	TEXTEDIT_OK,
	TEXTEDIT_CONTROL,  /* a control character other than newline and tab */
	TEXTEDIT_TOO_LONG, /* the text would exceed max_chars */
	TEXTEDIT_INVALID,  /* not UTF-8 */
};

void textedit_init(struct textedit *e, const char *text, size_t max_chars, int width);
void textedit_fini(struct textedit *e);
/* Re-wraps for a new width (after a resize). */
void textedit_set_width(struct textedit *e, int width);

/* Inserts s[0..len) at the cursor, all or nothing. */
enum textedit_refusal textedit_insert(struct textedit *e, const char *s, size_t len);
/* Deletes the character before / after the cursor; false at the edge. */
bool textedit_backspace(struct textedit *e);
bool textedit_delete(struct textedit *e);

/* Ctrl-K: deletes the paragraph holding the cursor (with its line break;
 * an empty text stays empty).  Ctrl-U: deletes from the paragraph's start
 * to the cursor.  False when nothing was deleted. */
bool textedit_kill_paragraph(struct textedit *e);
bool textedit_kill_to_start(struct textedit *e);

/* Cursor moves; false when the cursor could not move (at an edge). */
bool textedit_left(struct textedit *e);
bool textedit_right(struct textedit *e);
bool textedit_up(struct textedit *e, size_t lines);
bool textedit_down(struct textedit *e, size_t lines);
/* By words: a run of Han characters, of letters and digits, or of
 * punctuation, after any spaces. */
bool textedit_word_left(struct textedit *e);
bool textedit_word_right(struct textedit *e);
void textedit_home(struct textedit *e);
void textedit_end(struct textedit *e);

/* The visual line holding the cursor and the cursor's display column. */
size_t textedit_cursor_line(const struct textedit *e, int *column);

#endif
