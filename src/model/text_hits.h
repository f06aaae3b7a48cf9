/* What a text check found in one text (phrases, forbidden words, the
 * words a part must name), in place order, with a gap where the last
 * edit was: the hits before it keep their byte offsets, those after it
 * their distance from the text's end.  An edit replaces the hits of the
 * bytes it touched and moves no other (typing in one place moves none);
 * a count per word or phrase is kept as they come and go, so the rules
 * read what was found without walking the hits of a long text.  What to
 * look for, and where, is the rules' business (rules.c). */
#ifndef NIANBAO_TEXT_HITS_H
#define NIANBAO_TEXT_HITS_H

#include <stddef.h>

#include "phrase.h"

/* One hit: which word or phrase of the check, and where. */
struct text_hit {
	size_t which;
	struct phrase_match m;
};

struct text_hits {
	struct text_hit *items; /* [0, front) by offset, [cap - back, cap) by distance from len */
	size_t front, back, cap;
	size_t gap_at;	/* hits in front start before it, those in back at or after it */
	size_t len;	/* of the text they were found in */
	size_t *counts; /* per which, owned */
	size_t nwhich;
};

/* Empty hits of a text of len bytes, for nwhich words or phrases. */
void text_hits_init(struct text_hits *h, size_t nwhich, size_t len);
void text_hits_fini(struct text_hits *h);

/* After an edit that made bytes [lo, old_hi) of the text [lo, new_hi):
 * the hits that started in [lo, old_hi) go, fresh[0..n) (offsets in the
 * new text, each in [lo, new_hi), ordered by offset) take their place,
 * and the hits after move with the text. */
void text_hits_replace(struct text_hits *h, size_t lo, size_t old_hi, size_t new_hi,
		       const struct text_hit *fresh, size_t n);

/* The number of hits, and the i-th of them by place, with offsets. */
size_t text_hits_count(const struct text_hits *h);
struct text_hit text_hits_get(const struct text_hits *h, size_t i);

#endif
