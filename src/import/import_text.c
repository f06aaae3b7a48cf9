/* Lines and cells of a published report; see import_text.h. */
#include "import_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import_blocks.h"
#include "utf8.h"
#include "xalloc.h"

/* One character of a line, decoded once. */
struct glyph {
	uint32_t cp;
	uint32_t at; /* byte offset in the line (a file is at most a few MiB) */
	uint8_t len; /* bytes */
};

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

static void add_one_cell(struct import_row *l, const char *line, const struct glyph *g, size_t from,
			 size_t to)
{
	while (from < to && utf8_is_space(g[from].cp))
		from++;
	while (to > from && utf8_is_space(g[to - 1].cp))
		to--;
	if (from == to)
		return;
	import_row_take_cell(l, copy_without_bold(line, g, from, to), l->number, (int)from + 1,
			     l->ncells);
}

static bool numeric_span(const char *line, const struct glyph *g, size_t from, size_t to)
{
	char *text = copy_without_bold(line, g, from, to);
	bool yes = import_cell_numeric(text);
	free(text);
	return yes;
}

/* A cell whose last words, after single spaces, are numbers ("行政许可 0",
 * "0 0 0") is a label followed by number cells. */
static void add_cell(struct import_row *l, const char *line, const struct glyph *g, size_t from,
		     size_t to)
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
		add_one_cell(l, line, g, from, to);
		return;
	}
	add_one_cell(l, line, g, from, split);
	size_t start = split;
	for (size_t i = split; i <= to; i++)
		if (i == to || utf8_is_space(g[i].cp)) {
			add_one_cell(l, line, g, start, i);
			start = i + 1;
		}
}

/* Cells end at a tab or at a run of two or more spaces.  Only ASCII and
 * ideographic spaces start a run: offices align columns with those, while
 * an NBSP or a thin space is spacing inside a cell. */
static void split_cells(struct import_row *l, const char *line, const struct glyph *g, size_t from,
			size_t n)
{
	size_t start = from;
	for (size_t i = from; i < n; i++) {
		bool tab = g[i].cp == '\t';
		bool run = (g[i].cp == ' ' || g[i].cp == 0x3000) && i + 1 < n &&
			   (g[i + 1].cp == ' ' || g[i + 1].cp == 0x3000 || g[i + 1].cp == '\t');
		if (tab || run) {
			add_cell(l, line, g, start, i);
			while (i + 1 < n && utf8_is_space(g[i + 1].cp) && g[i + 1].cp != '\t')
				i++;
			start = i + 1;
		}
	}
	add_cell(l, line, g, start, n);
}

/* Returns whether the line is a markdown heading. */
static bool split_line(struct import_row *l, const char *line, size_t len, struct glyph **g,
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
	bool heading = hashes > from && (hashes == to || utf8_is_space(gl[hashes].cp));
	if (heading) {
		from = hashes;
		while (from < to && utf8_is_space(gl[from].cp))
			from++;
	}
	while (to > from && utf8_is_space(gl[to - 1].cp))
		to--;
	free(l->text);
	l->text = copy_without_bold(line, gl, from, to);
	l->column = (int)from + 1;
	split_cells(l, line, gl, 0, n);
	return heading;
}

/* A line that is only a page number: "-1-", "— 2 —", "3", "第 4 页", "5/9". */
bool import_text_is_page_number(const char *s)
{
	struct buf b;
	buf_init(&b);
	size_t len = strlen(s), digits = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (!utf8_is_space(cp) && !strchr("-/", (int)cp) && cp != 0x2014 &&
			 cp != 0x2013 && cp != 0xFF0D && cp != 0x2012 && cp != 0x2015)
			buf_add(&b, s + i, n);
		i += n;
	}
	bool yes = digits > 0 && digits <= 4 &&
		   (b.len == 0 || strcmp(b.data, "第页") == 0 || strcmp(b.data, "第页共页") == 0 ||
		    strcmp(b.data, "页") == 0);
	buf_fini(&b);
	return yes;
}

bool import_text_split_row(struct import_row *row, const char *line, size_t len)
{
	size_t gcap = 0;
	struct glyph *g = NULL;
	bool heading = split_line(row, line, len, &g, &gcap);
	free(g);
	return heading;
}

void import_text_add_paragraph(struct import_blocks *b, bool heading, const char *text, size_t len,
			       int number)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct import_row row = {.number = number};
		bool marked = import_text_split_row(&row, text + i, end - i);
		if (*row.text || row.ncells) {
			struct import_block *block = import_blocks_add(
				b,
				heading || marked ? IMPORT_BLOCK_HEADING : IMPORT_BLOCK_PARAGRAPH);
			struct import_row *r = import_block_add_row(block, number);
			free(r->text);
			*r = row;
			block->ncolumns = row.ncells;
		} else {
			free(row.text);
			free(row.cells);
		}
		i = end + 1;
	}
}

/* The last line that is not blank, when it is a page number such as "-1-"
 * (not a bare number): the foot of a page, left out of the report. */
static void drop_page_number(struct import_blocks *b)
{
	for (size_t i = b->nblocks; i-- > 0;)
		for (size_t r = b->blocks[i].nrows; r-- > 0;) {
			struct import_row *row = &b->blocks[i].rows[r];
			if (!*row->text)
				continue;
			/* a bare number may be a table's last cell */
			row->dropped = import_text_is_page_number(row->text) &&
				       strspn(row->text, "0123456789") < strlen(row->text);
			return;
		}
}

/* A line of two or more cells continues a table, or starts one; any other
 * line is a paragraph (or a heading, when marked as one). */
void import_text_read(struct import_blocks *b, const char *s, size_t len)
{
	import_blocks_init(b, "文本");
	b->wrapped = true; /* as typed, or as pdftotext laid it out */
	size_t gcap = 0;
	struct glyph *g = NULL;
	struct import_row row;
	int number = 0;
	bool in_table = false;
	for (size_t i = 0; i < len || (i == len && number == 0);) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		row = (struct import_row){.text = NULL, .number = ++number};
		bool heading = split_line(&row, s + i, end - i, &g, &gcap);
		/* pdftotext puts a form feed before each page but the first */
		if (memchr(s + i, '\f', end - i))
			drop_page_number(b);
		bool table = row.ncells >= 2 && !heading;
		struct import_block *block;
		if (table && in_table) {
			block = &b->blocks[b->nblocks - 1];
		} else {
			block = import_blocks_add(b, table     ? IMPORT_BLOCK_TABLE
						     : heading ? IMPORT_BLOCK_HEADING
							       : IMPORT_BLOCK_PARAGRAPH);
		}
		in_table = table;
		struct import_row *r = import_block_add_row(block, row.number);
		free(r->text);
		*r = row;
		if (block->ncolumns < row.ncells)
			block->ncolumns = row.ncells;
		i = end + 1;
		if (!nl)
			break;
	}
	free(g);
}
