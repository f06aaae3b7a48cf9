/* Building the format 4 cmap; see font_cmap.h. */
#include "font_cmap.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Characters closer than this share a segment. */
#define SEGMENT_GAP 256
/* A format 4 subtable is at most 65535 bytes long. */
#define MAX_SUBTABLE 65535

struct segment {
	uint32_t start, end; /* codes */
	size_t first;	     /* index into cps of the segment's first character */
};

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

char *font_cmap_make(const uint32_t *cps, const uint32_t *glyphs, size_t n, size_t *len)
{
	struct segment *segs = xmalloc((n + 1) * sizeof *segs);
	size_t nsegs = 0, entries = 0;
	for (size_t i = 0; i < n; i++) {
		if (cps[i] >= 0xFFFF) {
			free(segs);
			return NULL;
		}
		if (nsegs > 0 && cps[i] - segs[nsegs - 1].end <= SEGMENT_GAP) {
			segs[nsegs - 1].end = cps[i];
			continue;
		}
		segs[nsegs++] = (struct segment){cps[i], cps[i], i};
	}
	for (size_t s = 0; s < nsegs; s++)
		entries += segs[s].end - segs[s].start + 1;
	/* the table must end with a segment for 0xFFFF */
	segs[nsegs++] = (struct segment){0xFFFF, 0xFFFF, n};
	size_t sub_len = 16 + 8 * nsegs + 2 * entries;
	if (sub_len > MAX_SUBTABLE) {
		free(segs);
		return NULL;
	}
	size_t total = 12 + sub_len;
	unsigned char *t = xcalloc(1, total);
	put16(t + 2, 1);		       /* one subtable: */
	put16(t + 4, 3);		       /* Windows, */
	put16(t + 6, 1);		       /* Unicode BMP, */
	t[8] = 0, t[9] = 0, put16(t + 10, 12); /* at offset 12 */
	unsigned char *f = t + 12;
	put16(f, 4);
	put16(f + 2, (unsigned)sub_len);
	unsigned search = 1, selector = 0;
	while (search * 2 <= nsegs) {
		search *= 2;
		selector++;
	}
	put16(f + 6, (unsigned)(2 * nsegs));
	put16(f + 8, 2 * search);
	put16(f + 10, selector);
	put16(f + 12, (unsigned)(2 * nsegs - 2 * search));
	unsigned char *ends = f + 14, *starts = ends + 2 * nsegs + 2;
	unsigned char *deltas = starts + 2 * nsegs, *offsets = deltas + 2 * nsegs;
	unsigned char *array = offsets + 2 * nsegs;
	size_t at = 0; /* entries of the glyph array used so far */
	for (size_t s = 0; s < nsegs; s++) {
		put16(ends + 2 * s, segs[s].end);
		put16(starts + 2 * s, segs[s].start);
		if (segs[s].start == 0xFFFF) {
			put16(deltas + 2 * s, 1); /* 0xFFFF + 1 wraps to glyph 0 */
			continue;
		}
		/* idRangeOffset counts bytes from its own field to the array */
		put16(offsets + 2 * s, (unsigned)(2 * (nsegs - s) + 2 * at));
		for (size_t i = segs[s].first; i < n && cps[i] <= segs[s].end; i++)
			put16(array + 2 * (at + cps[i] - segs[s].start), glyphs[i]);
		at += segs[s].end - segs[s].start + 1;
	}
	free(segs);
	*len = total;
	return (char *)t;
}
