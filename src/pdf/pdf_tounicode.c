/* The ToUnicode maps mended as the file is written anew; see pdf_tounicode.h. */
#include "pdf_tounicode.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pdf_read.h"
#include "pdf_rewrite.h"
#include "xalloc.h"

/* A ToUnicode CMap mapping each code to the same Unicode value, as
 * ranges within one high byte (bfrange may not cross one). */
static void add_cmap(struct buf *b, const uint32_t *cps, size_t n)
{
	buf_adds(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
		    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
		    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
		    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* collect ranges first: a block holds at most 100 of them */
	size_t nranges = 0, cap = 0;
	uint32_t(*ranges)[2] = NULL;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && cps[j + 1] == cps[j] + 1 && (cps[j + 1] >> 8) == (cps[i] >> 8))
			j++;
		if (!(cps[i] >= 0xD800 && cps[i] <= 0xDFFF)) {
			ranges = xgrow(ranges, &cap, nranges + 1, sizeof *ranges);
			ranges[nranges][0] = cps[i];
			ranges[nranges][1] = cps[j];
			nranges++;
		}
		i = j + 1;
	}
	for (size_t i = 0; i < nranges; i += 100) {
		size_t count = nranges - i < 100 ? nranges - i : 100;
		buf_addf(b, "%zu beginbfrange\n", count);
		for (size_t k = i; k < i + count; k++)
			buf_addf(b, "<%04X> <%04X> <%04X>\n", (unsigned)ranges[k][0],
				 (unsigned)ranges[k][1], (unsigned)ranges[k][0]);
		buf_adds(b, "endbfrange\n");
	}
	free(ranges);
	buf_adds(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* The font of the font dictionary dict, by its BaseFont without the
 * subset tag (HPDFAA+). */
static const struct pdf_tounicode_font *font_of(const struct pdf_value *dict,
						const struct pdf_tounicode_font *fonts,
						size_t nfonts)
{
	struct pdf_value base;
	if (!pdf_dict_get(dict, "BaseFont", &base) || base.kind != PDF_NAME)
		return NULL;
	const char *name = base.start + 1;
	size_t n = base.len - 1;
	const char *plus = memchr(name, '+', n);
	if (plus) {
		n -= (size_t)(plus + 1 - name);
		name = plus + 1;
	}
	for (size_t i = 0; i < nfonts; i++)
		if (strlen(fonts[i].name) == n && memcmp(fonts[i].name, name, n) == 0)
			return &fonts[i];
	return NULL;
}

/* Every font's characters together, ascending (the caller frees them). */
static uint32_t *all_characters(const struct pdf_tounicode_font *fonts, size_t nfonts, size_t *n)
{
	unsigned char *seen = xcalloc(0x10000, 1);
	for (size_t f = 0; f < nfonts; f++)
		for (size_t i = 0; i < fonts[f].n; i++)
			seen[fonts[f].cps[i] & 0xFFFF] = 1;
	uint32_t *cps = xmalloc(0x10000 * sizeof *cps);
	size_t count = 0;
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		if (seen[cp])
			cps[count++] = cp;
	free(seen);
	*n = count;
	return cps;
}

/* One ToUnicode stream to replace, and the font that names it first. */
struct cmap_target {
	uint32_t num;
	int generation;
	const struct pdf_tounicode_font *font; /* NULL: not one of fonts[] */
};

/* Every ToUnicode stream a font dictionary refers to, each once, in the
 * order of the fonts' object numbers.  False when an object cannot be read. */
static bool find_targets(struct pdf_doc *doc, const struct pdf_tounicode_font *fonts, size_t nfonts,
			 struct cmap_target **out, size_t *n)
{
	size_t cap = 0;
	uint32_t num = 0;
	*out = NULL;
	*n = 0;
	while (pdf_doc_next_object(doc, &num)) {
		struct pdf_value obj, ref;
		char *cause = NULL;
		if (!pdf_doc_object(doc, num, &obj, &cause)) {
			free(cause);
			free(*out);
			return false;
		}
		if (obj.kind != PDF_DICT || !pdf_dict_get(&obj, "ToUnicode", &ref) ||
		    ref.kind != PDF_REF || ref.number <= 0 || ref.number >= pdf_doc_size(doc))
			continue;
		bool seen = false;
		for (size_t i = 0; i < *n && !seen; i++)
			seen = (*out)[i].num == ref.number;
		if (seen)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct cmap_target){(uint32_t)ref.number, ref.generation,
						      font_of(&obj, fonts, nfonts)};
	}
	return true;
}

char *pdf_tounicode_fix(const char *pdf, size_t len, const struct pdf_tounicode_font *fonts,
			size_t nfonts, int deflate_level, size_t *out_len)
{
	char *cause = NULL;
	struct pdf_doc *doc = pdf_doc_open(pdf, len, &cause);
	free(cause);
	struct cmap_target *targets;
	size_t ntargets;
	if (!doc || !find_targets(doc, fonts, nfonts, &targets, &ntargets)) {
		pdf_doc_free(doc);
		return NULL;
	}
	size_t nall;
	uint32_t *all = all_characters(fonts, nfonts, &nall);
	struct buf *cmaps = xcalloc(ntargets ? ntargets : 1, sizeof *cmaps);
	struct pdf_rewrite_stream *streams = xcalloc(ntargets ? ntargets : 1, sizeof *streams);
	for (size_t i = 0; i < ntargets; i++) {
		const struct pdf_tounicode_font *f = targets[i].font;
		buf_init(&cmaps[i]);
		add_cmap(&cmaps[i], f ? f->cps : all, f ? f->n : nall);
		streams[i] = (struct pdf_rewrite_stream){targets[i].num, cmaps[i].data,
							 cmaps[i].len};
	}
	char *out = pdf_rewrite(doc, streams, ntargets, deflate_level, out_len, &cause);
	free(cause);
	for (size_t i = 0; i < ntargets; i++)
		buf_fini(&cmaps[i]);
	free(cmaps);
	free(streams);
	free(targets);
	free(all);
	pdf_doc_free(doc);
	return out;
}
