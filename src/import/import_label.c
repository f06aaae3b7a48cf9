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

/* Where the words of a normalized label start after the number of a
 * sub-row: "1." "1、" "(1)" "1)" or "①"; *number is that number, or 0 when
 * there is none (then the label itself is returned). */
static const char *after_number(const char *s, int *number)
{
	*number = 0;
	uint32_t cp;
	bool valid;
	size_t n = utf8_decode(s, strlen(s), &cp, &valid);
	if (cp >= 0x2460 && cp <= 0x2473) { /* ① to ⑳ */
		*number = (int)(cp - 0x2460) + 1;
		return s + n;
	}
	const char *p = s;
	bool open = *p == '(';
	p += open;
	int value = 0;
	const char *digits = p;
	while (*p >= '0' && *p <= '9' && p - digits < 3)
		value = value * 10 + (*p++ - '0');
	if (p == digits)
		return s;
	if (open ? *p == ')' : (*p == '.' || *p == ')')) {
		*number = value;
		return p + 1;
	}
	if (!open && strncmp(p, "、", strlen("、")) == 0) {
		*number = value;
		return p + strlen("、");
	}
	return s;
}

const char *import_label_words(const char *label)
{
	int number;
	return after_number(label, &number);
}

static enum import_match match_words(const char *published, const char *official)
{
	if (strcmp(published, official) == 0)
		return IMPORT_MATCH_EXACT;
	size_t plen = strlen(published);
	if (plen < strlen(official) && strncmp(published, official, plen) == 0 &&
	    import_label_length(published) >= PREFIX_MIN_CHARS)
		return IMPORT_MATCH_PREFIX;
	return IMPORT_MATCH_NONE;
}

/* Sub-rows are numbered 1. in the form and 1、 (1) ① or not at all in
 * published tables: the words decide, and a number given must agree.  An
 * unnumbered label must say enough not to be a column's header (其他). */
enum import_match import_label_match(const char *published, const char *official)
{
	enum import_match m = match_words(published, official);
	int pn, on;
	const char *pw = after_number(published, &pn), *ow = after_number(official, &on);
	if (m != IMPORT_MATCH_NONE || on == 0 || (pn != 0 && pn != on))
		return m;
	if (pn == 0 && import_label_length(pw) < PREFIX_MIN_CHARS)
		return IMPORT_MATCH_NONE;
	return match_words(pw, ow);
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

/* Labels longer than this are compared as unlike. */
#define COMPARE_MAX_CHARS 256

/* The starts of the characters of s, and its end after them; 0 when it is
 * empty or too long to compare. */
static size_t char_bounds(const char *s, size_t starts[COMPARE_MAX_CHARS + 1])
{
	size_t len = strlen(s), n = char_starts(s, len, starts, COMPARE_MAX_CHARS);
	if (n == COMPARE_MAX_CHARS)
		return 0;
	starts[n] = len;
	return n;
}

double import_label_likeness(const char *a, const char *b)
{
	size_t as[COMPARE_MAX_CHARS + 1], bs[COMPARE_MAX_CHARS + 1];
	size_t an = char_bounds(a, as), bn = char_bounds(b, bs);
	if (an == 0 || bn == 0)
		return 0;
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

double import_label_similarity(const char *a, const char *b)
{
	size_t as[COMPARE_MAX_CHARS + 1], bs[COMPARE_MAX_CHARS + 1];
	size_t an = char_bounds(a, as), bn = char_bounds(b, bs);
	if (an == 0 || bn == 0)
		return 0;
	/* longest common subsequence of characters, one row at a time */
	unsigned short prev[COMPARE_MAX_CHARS + 1] = {0}, cur[COMPARE_MAX_CHARS + 1] = {0};
	for (size_t i = 0; i < an; i++) {
		size_t al = as[i + 1] - as[i];
		for (size_t j = 0; j < bn; j++) {
			size_t bl = bs[j + 1] - bs[j];
			if (al == bl && memcmp(a + as[i], b + bs[j], al) == 0)
				cur[j + 1] = prev[j] + 1;
			else
				cur[j + 1] = cur[j] > prev[j + 1] ? cur[j] : prev[j + 1];
		}
		memcpy(prev, cur, sizeof prev);
	}
	return 2.0 * prev[bn] / (double)(an + bn);
}
