/* The phrases a narrative states figures and years in, as a small pattern
 * language, compiled once with the form's rules and matched against the
 * texts after every keystroke.
 *
 * A pattern is tokens separated by spaces:
 *   收到|受理     literal words, any one of them (a line break or space in
 *                 the text between two characters is skipped: wrapped
 *                 text still matches)
 *   …             a gap of up to GAP characters that crosses no ，。；：！？—
 *                 (the shortest gap that lets the rest match is taken)
 *   !人|者        the text here does not go on with any of these words
 *   {n}           a count: ASCII or fullwidth digits, or Chinese numerals
 *                 (三, 十二, 一百零五), not in the middle of a longer number
 *   {year}        four digits
 * At most one slot ({n} or {year}); a pattern without one is a phrase of
 * absence (未收到…申请).  It starts with words or with the slot.  A match
 * inside 《》 or 〔〕 (a document's title or number) does not count. */
#ifndef NIANBAO_PHRASE_H
#define NIANBAO_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct phrase;

enum phrase_slot { PHRASE_SLOT_NONE, PHRASE_SLOT_NUMBER, PHRASE_SLOT_YEAR };

struct phrase_match {
	size_t at, end; /* bytes of the text the phrase covers */
	size_t slot_at; /* where the figure starts (== at without a slot) */
	int64_t value;	/* the figure or year */
};

/* Compiles pattern with gaps of up to gap characters.  Returns NULL and
 * sets *error (a Chinese phrase the caller frees) when it is not one. */
struct phrase *phrase_compile(const char *pattern, size_t gap, char **error);
void phrase_free(struct phrase *phrase);

enum phrase_slot phrase_slot(const struct phrase *phrase);

/* Finds the first match that starts at or after byte from of
 * text[0..len) (NUL-terminated).  False when there is none. */
bool phrase_find(const struct phrase *phrase, const char *text, size_t len, size_t from,
		 struct phrase_match *match);

#endif
