/* Hits of a text kept around a gap; see text_hits.h. */
#include "text_hits.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void text_hits_init(struct text_hits *h, size_t nwhich, size_t len)
{
	memset(h, 0, sizeof *h);
	h->counts = xcalloc(nwhich + 1, sizeof *h->counts);
	h->nwhich = nwhich;
	h->len = len;
}

void text_hits_fini(struct text_hits *h)
{
	free(h->items);
	free(h->counts);
	memset(h, 0, sizeof *h);
}

/* A hit's offsets turned into distances from the end of a text of len
 * bytes, or back: the same sum either way. */
static struct text_hit flip(struct text_hit x, size_t len)
{
	x.m.at = len - x.m.at;
	x.m.end = len - x.m.end;
	x.m.slot_at = len - x.m.slot_at;
	return x;
}

size_t text_hits_count(const struct text_hits *h)
{
	return h->front + h->back;
}

struct text_hit text_hits_get(const struct text_hits *h, size_t i)
{
	if (i < h->front)
		return h->items[i];
	return flip(h->items[h->cap - h->back + (i - h->front)], h->len);
}

/* Room for n more hits in front, the back staying at the end. */
static void make_room(struct text_hits *h, size_t n)
{
	if (h->front + h->back + n <= h->cap)
		return;
	size_t cap = h->cap * 2 > h->front + h->back + n ? h->cap * 2 : h->front + h->back + n;
	h->items = xrealloc(h->items, cap * sizeof *h->items);
	memmove(h->items + cap - h->back, h->items + h->cap - h->back, h->back * sizeof *h->items);
	h->cap = cap;
}

/* Moves the gap to offset at: the hits starting before it in front, the
 * others in back. */
static void move_gap(struct text_hits *h, size_t at)
{
	while (h->front && h->items[h->front - 1].m.at >= at) {
		h->front--;
		h->back++;
		h->items[h->cap - h->back] = flip(h->items[h->front], h->len);
	}
	while (h->back && h->len - h->items[h->cap - h->back].m.at < at) {
		h->items[h->front] = flip(h->items[h->cap - h->back], h->len);
		h->front++;
		h->back--;
	}
	h->gap_at = at;
}

void text_hits_replace(struct text_hits *h, size_t lo, size_t old_hi, size_t new_hi,
		       const struct text_hit *fresh, size_t n)
{
	move_gap(h, lo);
	/* the hits of [lo, old_hi) are the first of the back now */
	while (h->back && h->len - h->items[h->cap - h->back].m.at < old_hi) {
		h->counts[h->items[h->cap - h->back].which]--;
		h->back--;
	}
	/* the back keeps its distances from the end, the text around them grows or shrinks */
	h->len = h->len - old_hi + new_hi;
	make_room(h, n);
	for (size_t i = 0; i < n; i++) {
		h->items[h->front++] = fresh[i];
		h->counts[fresh[i].which]++;
	}
	h->gap_at = new_hi;
}
