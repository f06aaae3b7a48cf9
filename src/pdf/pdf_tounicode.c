/* The ToUnicode update; see pdf_tounicode.h. */
#define _GNU_SOURCE /* memmem */
#include "pdf_tounicode.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "xalloc.h"

/* The last occurrence of needle in hay[0..len), or NULL. */
static const char *find_last(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* The number after key in the dictionary text d[0..len) ("/Root 1 0 R"
 * gives 1), or -1. */
static long dict_number(const char *d, size_t len, const char *key)
{
	size_t n = strlen(key);
	for (size_t i = 0; i + n < len; i++) {
		if (memcmp(d + i, key, n) != 0 || (d[i + n] != ' ' && d[i + n] != '\n' &&
						   d[i + n] != '\r'))
			continue;
		char *end;
		long v = strtol(d + i + n, &end, 10);
		return end > d + i + n ? v : -1;
	}
	return -1;
}

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

/* The font whose dictionary holds the reference at ref: the BaseFont
 * written between the start of its object and ref. */
static const struct pdf_tounicode_font *font_at(const char *pdf, const char *ref,
						const struct pdf_tounicode_font *fonts,
						size_t nfonts)
{
	const char *obj = find_last(pdf, (size_t)(ref - pdf), " obj");
	if (!obj)
		return NULL;
	const char *key = "/BaseFont /";
	const char *base = memmem(obj, (size_t)(ref - obj), key, strlen(key));
	if (!base)
		return NULL;
	base += strlen(key);
	size_t n = strcspn(base, " \r\n/>[");
	const char *plus = memchr(base, '+', n);
	if (plus) { /* the subset tag, e.g. HPDFAA+ */
		n -= (size_t)(plus + 1 - base);
		base = plus + 1;
	}
	for (size_t i = 0; i < nfonts; i++)
		if (strlen(fonts[i].name) == n && memcmp(fonts[i].name, base, n) == 0)
			return &fonts[i];
	return NULL;
}

/* One stream object holding a compressed CMap. */
static void add_cmap_object(struct buf *out, long obj, const uint32_t *cps, size_t n)
{
	struct buf cmap;
	buf_init(&cmap);
	add_cmap(&cmap, cps, n);
	uLongf packed_len = compressBound((uLong)cmap.len);
	unsigned char *packed = xmalloc(packed_len);
	if (compress2(packed, &packed_len, (const Bytef *)cmap.data, (uLong)cmap.len, 9) == Z_OK) {
		buf_addf(out, "%ld 0 obj\n<< /Length %lu /Filter /FlateDecode >>\nstream\n", obj,
			 (unsigned long)packed_len);
		buf_add(out, (const char *)packed, packed_len);
	} else {
		buf_addf(out, "%ld 0 obj\n<< /Length %zu >>\nstream\n", obj, cmap.len);
		buf_add(out, cmap.data, cmap.len);
	}
	buf_adds(out, "\nendstream\nendobj\n");
	free(packed);
	buf_fini(&cmap);
}

/* Every font's characters together, ascending (the caller frees them). */
static uint32_t *all_characters(const struct pdf_tounicode_font *fonts, size_t nfonts,
				size_t *n)
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

char *pdf_tounicode_fix(const char *pdf, size_t len, const struct pdf_tounicode_font *fonts,
			size_t nfonts, size_t *out_len)
{
	const char *trailer = find_last(pdf, len, "trailer");
	const char *startxref = find_last(pdf, len, "startxref");
	if (!trailer || !startxref || startxref < trailer)
		return NULL;
	size_t tlen = (size_t)(startxref - trailer);
	long root = dict_number(trailer, tlen, "/Root");
	long info = dict_number(trailer, tlen, "/Info");
	long size = dict_number(trailer, tlen, "/Size");
	long prev = strtol(startxref + strlen("startxref"), NULL, 10);
	if (root < 0 || size < 0 || prev <= 0)
		return NULL;

	/* the ToUnicode objects, each once, in the order the fonts name them */
	const struct pdf_tounicode_font **owners = NULL;
	size_t owners_cap = 0;
	long *objects = NULL;
	size_t nobjects = 0, cap = 0;
	const char *key = "/ToUnicode ";
	for (const char *p = pdf; (p = memmem(p, len - (size_t)(p - pdf), key, strlen(key)));) {
		p += strlen(key);
		long obj = strtol(p, NULL, 10);
		bool seen = obj <= 0 || obj >= size;
		for (size_t i = 0; i < nobjects && !seen; i++)
			seen = objects[i] == obj;
		if (!seen) {
			objects = xgrow(objects, &cap, nobjects + 1, sizeof *objects);
			owners = xgrow(owners, &owners_cap, nobjects + 1, sizeof *owners);
			owners[nobjects] = font_at(pdf, p, fonts, nfonts);
			objects[nobjects++] = obj;
		}
	}

	struct buf out;
	if (nobjects == 0) {
		char *copy = xmalloc(len ? len : 1);
		memcpy(copy, pdf, len);
		*out_len = len;
		return copy;
	}
	size_t nall;
	uint32_t *all = all_characters(fonts, nfonts, &nall);
	buf_init(&out);
	buf_add(&out, pdf, len);
	if (len == 0 || pdf[len - 1] != '\n')
		buf_addc(&out, '\n');
	size_t *offsets = xcalloc(nobjects ? nobjects : 1, sizeof *offsets);
	for (size_t i = 0; i < nobjects; i++) {
		offsets[i] = out.len;
		if (owners[i])
			add_cmap_object(&out, objects[i], owners[i]->cps, owners[i]->n);
		else
			add_cmap_object(&out, objects[i], all, nall);
	}
	size_t xref = out.len;
	buf_adds(&out, "xref\n");
	for (size_t i = 0; i < nobjects; i++)
		buf_addf(&out, "%ld 1\n%010zu 00000 n \n", objects[i], offsets[i]);
	buf_addf(&out, "trailer\n<< /Size %ld /Root %ld 0 R", size, root);
	if (info >= 0)
		buf_addf(&out, " /Info %ld 0 R", info);
	buf_addf(&out, " /Prev %ld >>\nstartxref\n%zu\n%%%%EOF\n", prev, xref);
	free(offsets);
	free(objects);
	free(owners);
	free(all);
	*out_len = out.len;
	return buf_take(&out);
}
