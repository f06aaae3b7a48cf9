/* Lines and cells of a published report; see import_text.h. */
#include "import_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

/* One character of a line, decoded once. */
struct glyph {
	uint32_t cp;
	uint32_t at; /* byte offset in the line (a file is at most a few MiB) */
	uint8_t len; /* bytes */
};

static bool is_digit(uint32_t cp)
{
	return utf8_digit_value(cp) >= 0;
}

/* Copies glyphs [from, to) of line, without "**" marks. */
static char *copy_without_bold(const char *line, const struct glyph *g, size_t from, size_t to)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = from; i < to; i++) {
		if (g[i].cp == '*' && i + 1 < to && g[i + 1].cp == '*') {
			i++;
			continue;
		}
		buf_add(&b, line + g[i].at, g[i].len);
	}
	return buf_take(&b);
}

/* A number as an office writes one: digits (ASCII or fullwidth), maybe a
 * sign, a decimal point with digits after it, or commas between digits.
 * Whether it is a valid count is for value.c to say. */
static bool numeric(const char *s)
{
	size_t len = strlen(s), digits = 0;
	bool point = false, after_digit = false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		bool sign = cp == '-' || cp == '+' || cp == 0xFF0D || cp == 0x2212;
		bool dot = cp == '.' || cp == 0xFF0E, comma = cp == ',' || cp == 0xFF0C;
		if (is_digit(cp)) {
			digits++;
			after_digit = true;
		} else if (sign && i == 0) {
			after_digit = false;
		} else if ((dot && !point) || (comma && !point)) {
			if (!after_digit)
				return false;
			point = point || dot;
			after_digit = false;
		} else {
			return false;
		}
		i += n;
	}
	return digits > 0 && after_digit;
}

static void add_one_cell(struct import_line *l, const char *line, const struct glyph *g,
			 size_t from, size_t to, size_t *cap)
{
	while (from < to && utf8_is_space(g[from].cp))
		from++;
	while (to > from && utf8_is_space(g[to - 1].cp))
		to--;
	if (from == to)
		return;
	if (l->ncells == IMPORT_LINE_MAX_CELLS) {
		l->ncells_seen++;
		return;
	}
	char *text = copy_without_bold(line, g, from, to);
	if (!*text) {
		free(text);
		return;
	}
	l->ncells_seen++;
	l->cells = xgrow(l->cells, cap, l->ncells + 1, sizeof *l->cells);
	l->cells[l->ncells++] = (struct import_cell){
		.text = text, .line = l->number, .column = (int)from + 1, .numeric = numeric(text)};
}

static bool numeric_span(const char *line, const struct glyph *g, size_t from, size_t to)
{
	char *text = copy_without_bold(line, g, from, to);
	bool yes = numeric(text);
	free(text);
	return yes;
}

/* A cell whose last words, after single spaces, are numbers ("行政许可 0",
 * "0 0 0") is a label followed by number cells. */
static void add_cell(struct import_line *l, const char *line, const struct glyph *g, size_t from,
		     size_t to, size_t *cap)
{
	size_t split = to, word_end = to;
	bool stopped = false;
	for (size_t i = to; i-- > from;) {
		if (!utf8_is_space(g[i].cp))
			continue;
		if (i + 1 < word_end) {
			if (!numeric_span(line, g, i + 1, word_end)) {
				stopped = true;
				break;
			}
			split = i;
		}
		word_end = i;
	}
	if (!stopped && word_end > from && numeric_span(line, g, from, word_end))
		split = from;
	if (split == to) {
		add_one_cell(l, line, g, from, to, cap);
		return;
	}
	add_one_cell(l, line, g, from, split, cap);
	size_t start = split;
	for (size_t i = split; i <= to; i++)
		if (i == to || utf8_is_space(g[i].cp)) {
			add_one_cell(l, line, g, start, i, cap);
			start = i + 1;
		}
}

/* Cells end at a tab or at a run of two or more spaces.  Only ASCII and
 * ideographic spaces start a run: offices align columns with those, while
 * an NBSP or a thin space is spacing inside a cell. */
static void split_cells(struct import_line *l, const char *line, const struct glyph *g, size_t from,
			size_t n)
{
	size_t cap = 0, start = from;
	for (size_t i = from; i < n; i++) {
		bool tab = g[i].cp == '\t';
		bool run = (g[i].cp == ' ' || g[i].cp == 0x3000) && i + 1 < n &&
			   (g[i + 1].cp == ' ' || g[i + 1].cp == 0x3000 || g[i + 1].cp == '\t');
		if (tab || run) {
			add_cell(l, line, g, start, i, &cap);
			while (i + 1 < n && utf8_is_space(g[i + 1].cp) && g[i + 1].cp != '\t')
				i++;
			start = i + 1;
		}
	}
	add_cell(l, line, g, start, n, &cap);
}

static void split_line(struct import_line *l, const char *line, size_t len, struct glyph **g,
		       size_t *gcap)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t k = utf8_decode(line + i, len - i, &cp, &valid);
		*g = xgrow(*g, gcap, n + 1, sizeof **g);
		(*g)[n++] = (struct glyph){cp, (uint32_t)i, (uint8_t)k};
		i += k;
	}
	const struct glyph *gl = *g;
	size_t from = 0, to = n;
	/* a fullwidth space at the start is a paragraph's indent: kept */
	while (from < to && utf8_is_space(gl[from].cp) && gl[from].cp != 0x3000)
		from++;
	/* a markdown heading: "## 二、..." */
	size_t hashes = from;
	while (hashes < to && gl[hashes].cp == '#')
		hashes++;
	if (hashes > from && (hashes == to || utf8_is_space(gl[hashes].cp))) {
		from = hashes;
		while (from < to && utf8_is_space(gl[from].cp))
			from++;
	}
	while (to > from && utf8_is_space(gl[to - 1].cp))
		to--;
	l->text = copy_without_bold(line, gl, from, to);
	l->column = (int)from + 1;
	split_cells(l, line, gl, 0, n);
}

void import_text_split(struct import_text *t, const char *s, size_t len)
{
	t->lines = NULL;
	t->nlines = 0;
	size_t cap = 0, gcap = 0;
	struct glyph *g = NULL;
	int number = 0;
	for (size_t i = 0; i < len || (i == len && number == 0);) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		t->lines = xgrow(t->lines, &cap, t->nlines + 1, sizeof *t->lines);
		struct import_line *l = &t->lines[t->nlines++];
		*l = (struct import_line){.number = ++number};
		split_line(l, s + i, end - i, &g, &gcap);
		i = end + 1;
		if (!nl)
			break;
	}
	free(g);
}

void import_text_fini(struct import_text *t)
{
	for (size_t i = 0; i < t->nlines; i++) {
		for (size_t c = 0; c < t->lines[i].ncells; c++)
			free(t->lines[i].cells[c].text);
		free(t->lines[i].cells);
		free(t->lines[i].text);
	}
	free(t->lines);
	t->lines = NULL;
	t->nlines = 0;
}
