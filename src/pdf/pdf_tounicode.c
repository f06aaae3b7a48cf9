/* Writing a ToUnicode CMap; see pdf_tounicode.h. */
#include "pdf_tounicode.h"

#include <stdlib.h>

#include "buf.h"
#include "xalloc.h"

/* A block of bfrange or bfchar holds at most 100 entries. */
#define BLOCK 100

/* Codes first..last map to the characters from cp on. */
struct range {
	uint32_t first, last, cp;
};

static void add_block(struct buf *b, const char *kind, const struct range *r, size_t n, int ranges)
{
	for (size_t i = 0; i < n; i += BLOCK) {
		size_t count = n - i < BLOCK ? n - i : BLOCK;
		buf_addf(b, "%zu begin%s\n", count, kind);
		for (size_t k = i; k < i + count; k++)
			if (ranges)
				buf_addf(b, "<%04X> <%04X> <%04X>\n", (unsigned)r[k].first,
					 (unsigned)r[k].last, (unsigned)r[k].cp);
			else
				buf_addf(b, "<%04X> <%04X>\n", (unsigned)r[k].first,
					 (unsigned)r[k].cp);
		buf_addf(b, "end%s\n", kind);
	}
}

void pdf_tounicode_cmap(struct buf *b, const uint32_t *glyphs, const uint32_t *cps, size_t n)
{
	buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	struct range *ranges = xmalloc((n ? n : 1) * sizeof *ranges);
	struct range *singles = xmalloc((n ? n : 1) * sizeof *singles);
	size_t nranges = 0, nsingles = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		/* a range may not cross a code's high byte, nor a character's */
		while (j + 1 < n && glyphs[j + 1] == glyphs[j] + 1 && cps[j + 1] == cps[j] + 1 &&
		       (glyphs[j + 1] >> 8) == (glyphs[i] >> 8) &&
		       (cps[j + 1] >> 8) == (cps[i] >> 8))
			j++;
		if (cps[i] >= 0xD800 && cps[i] <= 0xDFFF) {
			/* a lone surrogate is no character */
		} else if (j == i) {
			singles[nsingles++] = (struct range){glyphs[i], glyphs[i], cps[i]};
		} else {
			ranges[nranges++] = (struct range){glyphs[i], glyphs[j], cps[i]};
		}
		i = j + 1;
	}
	add_block(b, "bfchar", singles, nsingles, 0);
	add_block(b, "bfrange", ranges, nranges, 1);
	free(ranges);
	free(singles);
	buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}
