/* Label comparison for import; see import_label.h. */
#include "import_label.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* A prefix shorter than this says too little to pick a row. */
#define PREFIX_MIN_CHARS 4

char *import_label_normalize(const char *s)
{
	struct buf b;
	buf_init(&b);
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		i += n;
		if (utf8_is_space(cp) || cp == '*') /* spaces and markdown bold */
			continue;
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		char out[4];
		buf_add(&b, out, utf8_encode(cp, out));
	}
	return buf_take(&b);
}

size_t import_label_length(const char *label)
{
	return utf8_length(label, strlen(label));
}

enum import_match import_label_match(const char *published, const char *official)
{
	if (strcmp(published, official) == 0)
		return IMPORT_MATCH_EXACT;
	size_t plen = strlen(published);
	if (plen < strlen(official) && strncmp(published, official, plen) == 0 &&
	    import_label_length(published) >= PREFIX_MIN_CHARS)
		return IMPORT_MATCH_PREFIX;
	return IMPORT_MATCH_NONE;
}

/* Byte offsets of the characters of s, and their count. */
static size_t char_starts(const char *s, size_t len, size_t *starts, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < max;) {
		uint32_t cp;
		bool valid;
		starts[n++] = i;
		i += utf8_decode(s + i, len - i, &cp, &valid);
	}
	return n;
}

double import_label_likeness(const char *a, const char *b)
{
	enum { MAX = 256 };
	size_t as[MAX + 1], bs[MAX + 1];
	size_t alen = strlen(a), blen = strlen(b);
	size_t an = char_starts(a, alen, as, MAX), bn = char_starts(b, blen, bs, MAX);
	if (an == 0 || bn == 0 || an == MAX || bn == MAX)
		return 0;
	as[an] = alen;
	bs[bn] = blen;
	size_t head = 0;
	while (head < an && head < bn && as[head + 1] - as[head] == bs[head + 1] - bs[head] &&
	       memcmp(a + as[head], b + bs[head], as[head + 1] - as[head]) == 0)
		head++;
	size_t tail = 0;
	while (tail < an - head && tail < bn - head) {
		size_t ai = an - 1 - tail, bi = bn - 1 - tail;
		size_t al = as[ai + 1] - as[ai], bl = bs[bi + 1] - bs[bi];
		if (al != bl || memcmp(a + as[ai], b + bs[bi], al) != 0)
			break;
		tail++;
	}
	size_t longer = an > bn ? an : bn;
	return (double)(head + tail) / (double)longer;
}
