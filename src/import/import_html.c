/* Web pages into blocks; see import_html.h. */
#include "import_html.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "import_blocks.h"
#include "import_sniff.h"
#include "import_text.h"
#include "utf8.h"
#include "xalloc.h"

/* The charset libxml2 is to read the page in. */
static const char *charset_of(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		return "UTF-8";
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return "UTF-16BE";
	size_t head = len < IMPORT_HTML_HEAD_BYTES ? len : IMPORT_HTML_HEAD_BYTES;
	const char *at = import_sniff_find(data, head, "charset=");
	if (at) {
		const char *v = at + strlen("charset=");
		while (v < data + head && (*v == '"' || *v == '\'' || *v == ' '))
			v++;
		static const char *const gb[] = {"gb18030", "gbk", "gb2312", "x-gbk", "cp936"};
		for (size_t i = 0; i < sizeof gb / sizeof *gb; i++)
			if (strncasecmp(v, gb[i], strlen(gb[i])) == 0)
				return "GB18030";
		if (strncasecmp(v, "utf-8", 5) == 0 || strncasecmp(v, "utf8", 4) == 0)
			return "UTF-8";
	}
	size_t bad;
	return utf8_validate(data, len, &bad) ? "UTF-8" : "GB18030";
}

struct html_reader {
	struct import_blocks *b;
	struct buf text; /* the paragraph being gathered */
	int line;	 /* where it starts */
	bool heading;
	int tables;	  /* data tables read so far */
	const char *data; /* borrowed: the page as given */
	size_t len;
	size_t *line_starts; /* owned: offset of line i + 1, found when a table needs it */
	size_t nlines, lines_cap;
};

/* The column (1-based, in characters) of the k-th (from 0) cell tag <td or
 * <th on line of the page, or 1: libxml2 keeps only a node's line. */
static int cell_column(struct html_reader *r, int line, size_t k)
{
	if (!r->nlines) {
		r->line_starts = xgrow(r->line_starts, &r->lines_cap, 1, sizeof *r->line_starts);
		r->line_starts[r->nlines++] = 0;
		for (size_t i = 0; i < r->len; i++)
			if (r->data[i] == '\n') {
				r->line_starts = xgrow(r->line_starts, &r->lines_cap, r->nlines + 1,
						       sizeof *r->line_starts);
				r->line_starts[r->nlines++] = i + 1;
			}
	}
	if (line < 1 || (size_t)line > r->nlines)
		return 1;
	size_t from = r->line_starts[line - 1];
	size_t to = (size_t)line < r->nlines ? r->line_starts[line] : r->len;
	int column = 1;
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)r->data[i];
		if (c == '<' && i + 3 < to && (r->data[i + 1] | 0x20) == 't' &&
		    ((r->data[i + 2] | 0x20) == 'd' || (r->data[i + 2] | 0x20) == 'h') &&
		    !isalnum((unsigned char)r->data[i + 3]) && k-- == 0)
			return column;
		column += (c & 0xC0) != 0x80; /* a character starts here (UTF-8) */
	}
	return 1;
}

static bool is_named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static bool is_one_of(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (is_named(n, *names))
			return true;
	return false;
}

/* Elements whose text is no part of the report. */
static bool dropped(const xmlNode *n)
{
	static const char *const names[] = {"script", "style",	  "head",     "nav",
					    "footer", "noscript", "iframe",   "select",
					    "button", "form",	  "template", NULL};
	if (is_one_of(n, names))
		return true;
	static const char *const attrs[] = {"class", "id"};
	static const char *const words[] = {"nav", "footer", "menu", "breadcrumb", "share"};
	for (size_t a = 0; a < 2; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
		bool hit = false;
		for (size_t w = 0; v && w < sizeof words / sizeof *words && !hit; w++)
			hit = import_sniff_find((const char *)v, strlen((const char *)v),
						words[w]) != NULL;
		xmlFree(v);
		if (hit)
			return true;
	}
	return false;
}

static bool is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"p",	      "div",	 "h1",	 "h2",	   "h3",      "h4",	    "h5",
		"h6",	      "li",	 "ul",	 "ol",	   "dl",      "dt",	    "dd",
		"section",    "article", "main", "header", "aside",   "blockquote", "center",
		"pre",	      "tr",	 "td",	 "th",	   "table",   "tbody",	    "thead",
		"tfoot",      "caption", "body", "html",   "address", "hr",	    "figure",
		"figcaption", NULL};
	return is_one_of(n, names);
}

static bool is_heading(const xmlNode *n)
{
	static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
	return is_one_of(n, names);
}

/* Text of a text node with its runs of ASCII white space made one space
 * (the page's line breaks are not the report's). */
static void add_collapsed(struct buf *b, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\f';
		if (!space) {
			buf_addc(b, *s);
			continue;
		}
		if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
			buf_addc(b, ' ');
	}
}

static void flush(struct html_reader *r)
{
	if (r->text.len)
		import_text_add_paragraph(r->b, r->heading, r->text.data, r->text.len, r->line);
	buf_clear(&r->text);
	r->heading = false;
	r->line = 0;
}

/* All the text of n, as one line (for a table's cell). */
static void cell_text(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			add_collapsed(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !dropped(c)) {
			if (is_named(c, "br") || is_block(c))
				add_collapsed(b, " ");
			cell_text(c, b);
			if (is_block(c))
				add_collapsed(b, " ");
		}
	}
}

static size_t span_of(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	long k = v ? strtol((const char *)v, NULL, 10) : 1;
	xmlFree(v);
	return k < 1 ? 1 : (size_t)k;
}

/* The rows of a table, through thead, tbody and tfoot; not those of the
 * tables inside it. */
static void table_rows(const xmlNode *n, const xmlNode ***rows, size_t *count, size_t *cap)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_named(c, "tr")) {
			*rows = xgrow(*rows, cap, *count + 1, sizeof **rows);
			(*rows)[(*count)++] = c;
		} else if (is_named(c, "thead") || is_named(c, "tbody") || is_named(c, "tfoot")) {
			table_rows(c, rows, count, cap);
		}
	}
}

static bool has_table_inside(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_named(c, "table") || (c->type == XML_ELEMENT_NODE && has_table_inside(c)))
			return true;
	return false;
}

static size_t cells_in(const xmlNode *tr)
{
	size_t n = 0;
	for (const xmlNode *c = tr->children; c; c = c->next)
		n += is_named(c, "td") || is_named(c, "th");
	return n;
}

/* A table of data, not one that only lays out the page. */
static bool is_data_table(const xmlNode *table, const xmlNode **rows, size_t nrows)
{
	if (has_table_inside(table))
		return false;
	for (size_t i = 0; i < nrows; i++)
		if (cells_in(rows[i]) > 1)
			return true;
	return false;
}

static void walk(struct html_reader *r, const xmlNode *n);

static void read_table(struct html_reader *r, const xmlNode *const *rows, size_t nrows)
{
	struct import_block *block = import_blocks_add(r->b, IMPORT_BLOCK_TABLE);
	struct import_grid grid = {0};
	struct buf text;
	buf_init(&text);
	int table = ++r->tables, last_line = 0;
	size_t on_line = 0; /* cells of this table seen on last_line */
	for (size_t i = 0; i < nrows; i++) {
		struct import_row *row = import_block_add_row(block, (int)xmlGetLineNo(rows[i]));
		for (const xmlNode *c = rows[i]->children; c; c = c->next) {
			if (!is_named(c, "td") && !is_named(c, "th"))
				continue;
			size_t colspan = span_of(c, "colspan"), rowspan = span_of(c, "rowspan");
			size_t col = import_grid_place(&grid, colspan, rowspan);
			int line = (int)xmlGetLineNo(c);
			on_line = line == last_line ? on_line + 1 : 0;
			last_line = line;
			buf_clear(&text);
			cell_text(c, &text);
			size_t before = row->ncells;
			import_row_add_cell(row, text.data ? text.data : "", text.len, line,
					    cell_column(r, line, on_line), col, rowspan, colspan);
			if (row->ncells > before)
				row->cells[before].pos = (struct import_pos){
					.table = table, .row = (int)i + 1, .cell = (int)col + 1};
		}
		row->pos = (struct import_pos){.table = table, .row = (int)i + 1};
		import_grid_end_row(&grid);
	}
	block->ncolumns = grid.ncolumns;
	import_block_join_rows(block);
	buf_fini(&text);
	import_grid_fini(&grid);
}

static void walk_children(struct html_reader *r, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		walk(r, c);
}

static void walk(struct html_reader *r, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!r->line)
			r->line = (int)xmlGetLineNo(n);
		add_collapsed(&r->text, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || dropped(n))
		return;
	if (is_named(n, "br")) {
		buf_addc(&r->text, '\n');
		return;
	}
	if (is_named(n, "table")) {
		const xmlNode **rows = NULL;
		size_t nrows = 0, cap = 0;
		table_rows(n, &rows, &nrows, &cap);
		flush(r);
		if (is_data_table(n, rows, nrows))
			read_table(r, rows, nrows);
		else
			walk_children(r, n);
		flush(r);
		free(rows);
		return;
	}
	if (!is_block(n)) {
		walk_children(r, n);
		return;
	}
	flush(r);
	r->heading = is_heading(n);
	walk_children(r, n);
	flush(r);
}

bool import_html_read(struct import_blocks *b, const char *data, size_t len, const char **encoding,
		      struct diag_list *diags)
{
	import_blocks_init(b, "网页");
	*encoding = charset_of(data, len);
	int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
	htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, *encoding, options);
	if (!doc || !xmlDocGetRootElement(doc)) {
		if (doc)
			xmlFreeDoc(doc);
		diag_list_add(diags, DIAG_ERROR, "import.format", NULL, 1, 1,
			      "这个网页无法解析（不是有效的 HTML）");
		return false;
	}
	struct html_reader r = {.b = b, .data = data, .len = len};
	buf_init(&r.text);
	walk(&r, xmlDocGetRootElement(doc));
	flush(&r);
	buf_fini(&r.text);
	free(r.line_starts);
	xmlFreeDoc(doc);
	return true;
}
