/* The steps of import put together; see import.h. */
#include "import.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "form.h"
#include "import_blocks.h"
#include "import_decode.h"
#include "import_label.h"
#include "import_layout.h"
#include "import_office.h"
#include "import_pdf.h"
#include "import_sniff.h"
#include "import_tables.h"
#include "import_text.h"
#include "report.h"
#include "templates.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

static struct report *fail(struct diag_list *diags, int line, const char *message)
{
	diag_list_add(diags, DIAG_ERROR, "import.report", NULL, line, 1, message);
	return NULL;
}

/* Text without its spaces (of any width). */
static void add_without_spaces(struct buf *b, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		if (!utf8_is_space(cp))
			buf_add(b, s + i, n);
		i += n;
	}
}

/* Where "YYYY年" starts in s, or (size_t)-1. */
static size_t find_year(const char *s, size_t len)
{
	for (size_t at = 0; at + 4 < len; at++) {
		bool digits = true;
		for (size_t k = 0; k < 4; k++)
			digits = digits && s[at + k] >= '0' && s[at + k] <= '9';
		if (digits && (at == 0 || s[at - 1] < '0' || s[at - 1] > '9') &&
		    strncmp(s + at + 4, "年", strlen("年")) == 0)
			return at;
	}
	return (size_t)-1;
}

/* The lines above the first heading, without spaces; the draft mark is
 * noted and left out. */
static size_t title_lines(const struct import_rows *t, size_t end, struct report *r,
			  struct buf *lines, int *numbers, const struct import_pos **pos)
{
	size_t n = 0;
	for (size_t i = 0; i < end && n < 16; i++) {
		const char *text = t->at[i]->text;
		if (!*text)
			continue;
		/* the mark render_text puts above the title of a draft */
		if (strcmp(text, templates_get(TEMPLATES_TEXT_DRAFT_LINE)) == 0) {
			r->draft = true;
			continue;
		}
		buf_init(&lines[n]);
		add_without_spaces(&lines[n], text);
		pos[n] = &t->at[i]->pos;
		numbers[n++] = t->at[i]->number;
	}
	return n;
}

/* The title names the organ, then the year: 函谷关镇人民政府2021年…; it may
 * be wrapped (the organ alone on the line above the year), spaced
 * (章古台镇 2021 年度…), or follow other lines such as a date.  The title is
 * the first line with a year that it, or the line after it, calls a 报告. */
static bool read_title(const struct import_rows *t, size_t end, struct report *r,
		       struct diag_list *diags)
{
	struct buf lines[16];
	int numbers[16];
	const struct import_pos *pos[16];
	size_t n = title_lines(t, end, r, lines, numbers, pos);
	size_t found = n, at = 0;
	for (int pass = 0; pass < 2 && found == n; pass++)
		for (size_t i = 0; i < n && found == n; i++) {
			at = find_year(lines[i].data, lines[i].len);
			bool report = strstr(lines[i].data, "报告") ||
				      (i + 1 < n && strstr(lines[i + 1].data, "报告"));
			if (at != (size_t)-1 && (report || pass == 1) && (at > 0 || i > 0))
				found = i;
		}
	bool ok = false;
	if (found == n) {
		fail(diags, n ? numbers[0] : 1,
		     "找不到报告的标题（“发布机关＋年度＋年政府信息公开工作年度报告”），无法确定发布机关和年度");
	} else {
		const char *s = lines[found].data;
		int year = (s[at] - '0') * 1000 + (s[at + 1] - '0') * 100 + (s[at + 2] - '0') * 10 +
			   (s[at + 3] - '0');
		const char *organ = at ? s : lines[found - 1].data;
		size_t organ_len = at ? at : lines[found - 1].len;
		const char *problem = report_organ_problem(organ, organ_len);
		if (year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX) {
			char *said = xasprintf("标题中的年度 %d 不在 %d 到 %d 之间", year,
					       REPORT_YEAR_MIN, REPORT_YEAR_MAX);
			char *message = import_pos_message(pos[found], said);
			fail(diags, numbers[found], message);
			free(message);
			free(said);
		} else if (problem) {
			char *said = xasprintf("标题中年度前面的发布机关%s", problem);
			char *message = import_pos_message(pos[found], said);
			fail(diags, numbers[found], message);
			free(message);
			free(said);
		} else {
			char *name = xstrndup(organ, organ_len);
			report_set_organ(r, name);
			free(name);
			r->year = year;
			r->key_marks[REPORT_KEY_ORGAN] = (struct report_mark){numbers[found], 1};
			r->key_marks[REPORT_KEY_YEAR] = (struct report_mark){numbers[found], 1};
			ok = true;
		}
	}
	for (size_t i = 0; i < n; i++)
		buf_fini(&lines[i]);
	return ok;
}

/* The paragraphs of a narrative section, one line each (a text is its
 * lines joined, without a final line break, as report_load keeps it). */
struct paragraphs {
	size_t *lines;
	size_t count, cap;
};

static void collect_paragraphs(const struct import_rows *t, const struct import_layout *l,
			       size_t first, size_t end, struct paragraphs *p)
{
	p->count = 0;
	for (size_t i = first; i < end; i++) {
		if (!*t->at[i]->text || l->repeated[i])
			continue;
		p->lines = xgrow(p->lines, &p->cap, p->count + 1, sizeof *p->lines);
		p->lines[p->count++] = i;
	}
}

/* The 落款 that may end the last section: the organ, then a date such as
 * 2022年1月20日.  It is the report's issued_on, not part of the text. */
static void take_signature(const struct import_rows *t, struct paragraphs *p, struct report *r)
{
	if (p->count == 0)
		return;
	const char *date = t->at[p->lines[p->count - 1]]->text;
	int y, m, d, used = 0;
	if (sscanf(date, "%4d年%2d月%2d日%n", &y, &m, &d, &used) != 3 || date[used] != '\0')
		return;
	char iso[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	if (!value_parse_date(iso, strlen(iso), &y, &m, &d))
		return;
	r->issued_on = (struct report_date){y, m, d};
	p->count--;
	if (p->count > 0 && strcmp(t->at[p->lines[p->count - 1]]->text, r->organ) == 0)
		p->count--;
}

/* Lines a line this much narrower than the widest (in display columns,
 * its indent counted) are full: the layout, not the author, broke them.
 * Lines of a hard-wrapped text are no wider than a page. */
#define WRAP_SLACK 6
#define WRAP_WIDTH_MIN 40
#define WRAP_WIDTH_MAX 120

static int line_width(const struct import_row *row)
{
	return row->column - 1 + utf8_width(row->text);
}

static uint32_t first_char(const char *s)
{
	uint32_t cp = 0;
	bool valid;
	if (*s)
		utf8_decode(s, strlen(s), &cp, &valid);
	return cp;
}

/* The last character of s[0..len), and where it starts in *at. */
static uint32_t last_char(const char *s, size_t len, size_t *at)
{
	size_t i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	i = i > 0 ? i - 1 : 0;
	uint32_t cp = 0;
	bool valid;
	if (len)
		utf8_decode(s + i, len - i, &cp, &valid);
	*at = i;
	return cp;
}

/* Whether a line ends a sentence: 。；！？ maybe closed by quotes or
 * brackets. */
static bool ends_sentence(const char *s)
{
	static const uint32_t ends[] = {0x3002, 0xFF1B, 0xFF01, 0xFF1F, '.', ';', '!', '?'};
	static const uint32_t closing[] = {0x201D, 0x2019, 0xFF09, ')', 0x300D, 0x300F, 0x300B};
	for (size_t len = strlen(s), at; len; len = at) {
		uint32_t cp = last_char(s, len, &at);
		bool closed = false;
		for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
			if (cp == ends[k])
				return true;
		for (size_t k = 0; k < sizeof closing / sizeof *closing; k++)
			closed = closed || cp == closing[k];
		if (!closed)
			return false;
	}
	return false;
}

/* A digit (ASCII or fullwidth) or a Chinese numeral 一 to 十. */
static bool is_numeral(uint32_t cp)
{
	static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
	if (utf8_digit_value(cp) >= 0)
		return true;
	for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
		if (cp == numerals[k])
			return true;
	return false;
}

/* Whether a line starts an item or a heading: （一） (1) 一、 1、 1. ①. */
static bool starts_item(const char *s)
{
	size_t len = strlen(s), i;
	uint32_t cp = 0;
	bool valid;
	if (!len)
		return false;
	i = utf8_decode(s, len, &cp, &valid);
	if (cp >= 0x2460 && cp <= 0x2473) /* ① to ⑳ */
		return true;
	bool open = cp == 0xFF08 || cp == '(';
	if (!open)
		i = 0;
	size_t numerals = 0;
	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		if (!is_numeral(cp))
			break;
		numerals++;
		i += n;
	}
	if (!numerals || i >= len)
		return false;
	size_t n = utf8_decode(s + i, len - i, &cp, &valid);
	if (open)
		return cp == 0xFF09 || cp == ')';
	bool point = cp == '.' || cp == 0xFF0E; /* 1. but not 1.5亿元 */
	return cp == 0x3001 || (point && (i + n >= len || !isdigit((unsigned char)s[i + n])));
}

/* Whether a line starts further right than the narrative's lines, or with
 * a fullwidth space: a paragraph's first line.  A column more is no
 * indent: the form feed pdftotext puts before a page's first line. */
static bool indented(const struct import_row *row, int left)
{
	return row->column > left + 1 || first_char(row->text) == 0x3000;
}

/* How line b follows line a of a narrative: "\n" when it starts a new
 * paragraph, else "" or " " (between two ASCII words) when the layout cut
 * one sentence into the two lines: a ends no sentence, is full and b
 * starts no item and is not indented further than the narrative. */
static const char *line_join(const struct import_rows *t, const struct import_row *a,
			     const struct import_row *b, int widest, int left)
{
	if (!t->wrapped || widest < WRAP_WIDTH_MIN || widest > WRAP_WIDTH_MAX ||
	    line_width(a) < widest - WRAP_SLACK || indented(b, left) || ends_sentence(a->text) ||
	    starts_item(b->text))
		return "\n";
	size_t at;
	uint32_t x = last_char(a->text, strlen(a->text), &at), y = first_char(b->text);
	bool word = x < 0x80 && y < 0x80 && isalnum((int)x) && isalnum((int)y);
	return word ? " " : "";
}

static bool set_narrative(const struct import_rows *t, const struct paragraphs *p, size_t cell,
			  struct report *r, struct diag_list *diags)
{
	struct buf b;
	buf_init(&b);
	int widest = 0, left = INT32_MAX;
	for (size_t i = 0; i < p->count; i++) {
		const struct import_row *row = t->at[p->lines[i]];
		widest = line_width(row) > widest ? line_width(row) : widest;
		left = row->column < left ? row->column : left;
	}
	for (size_t i = 0; i < p->count; i++) {
		if (i)
			buf_adds(&b, line_join(t, t->at[p->lines[i - 1]], t->at[p->lines[i]],
					       widest, left));
		buf_adds(&b, t->at[p->lines[i]]->text);
	}
	const struct form *f = r->form;
	const char *problem = report_text_problem(b.data, b.len, f->types[FORM_TEXT].max_chars);
	bool ok = problem == NULL;
	if (!ok) {
		char *said = xasprintf("“%s”%s", f->cells[cell].label, problem);
		struct import_pos none = {0};
		char *message = import_pos_message(p->count ? &t->at[p->lines[0]]->pos : &none,
						   said);
		free(said);
		diag_list_add(diags, DIAG_ERROR, "import.text", f->cells[cell].path,
			      p->count ? t->at[p->lines[0]]->number : 1, 1, message);
		free(message);
	} else {
		report_set_text(r, cell, b.data, b.len);
		if (p->count)
			r->marks[cell] = (struct report_mark){t->at[p->lines[0]]->number, 1};
	}
	buf_fini(&b);
	return ok;
}

static bool read_tables(const struct import_rows *t, const struct import_layout *l, size_t s,
			struct report *r, struct diag_list *diags)
{
	const struct import_section_span *span = &l->sections[s];
	const struct import_cell **cells = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = span->first; i < span->end; i++) {
		if (l->repeated[i])
			continue;
		if (t->at[i]->ncells_seen > IMPORT_LINE_MAX_CELLS) {
			char *line = xasprintf("这一行有 %zu 格，远多于表格一行的格数，无法读取",
					       t->at[i]->ncells_seen);
			char *message = import_pos_message(&t->at[i]->pos, line);
			free(line);
			diag_list_add(diags, DIAG_ERROR, "import.row", NULL, t->at[i]->number, 1,
				      message);
			free(message);
			free(cells);
			return false;
		}
		for (size_t c = 0; c < t->at[i]->ncells; c++) {
			cells = xgrow(cells, &cap, n + 1, sizeof *cells);
			cells[n++] = &t->at[i]->cells[c];
		}
	}
	bool ok = import_tables_read(r->form, s, cells, n, span->heading_line,
				     &t->at[span->heading]->pos, r, diags);
	free(cells);
	return ok;
}

static bool has_item(const struct form_section *sec, enum form_item_kind kind, size_t *index)
{
	for (size_t i = 0; i < sec->nitems; i++)
		if (sec->items[i].kind == kind) {
			if (index)
				*index = sec->items[i].index;
			return true;
		}
	return false;
}

/* Whether any cell of the tables of section sec was read from the text. */
static bool section_has_numbers(const struct report *r, const struct form_section *sec)
{
	const struct form *f = r->form;
	for (size_t i = 0; i < sec->nitems; i++) {
		if (sec->items[i].kind != FORM_ITEM_TABLE)
			continue;
		const struct form_table *t = &f->tables[sec->items[i].index];
		for (size_t row = 0; row < t->nrows; row++)
			for (size_t c = 0; !t->rows[row].group && c < t->columns->ncolumns; c++)
				if (r->marks[t->rows[row].first_cell + c].line)
					return true;
	}
	return false;
}

/* Drops the diagnostics added after the first keep. */
static void diags_truncate(struct diag_list *diags, size_t keep)
{
	for (size_t i = keep; i < diags->count; i++) {
		free(diags->items[i].rule);
		free(diags->items[i].path);
		free(diags->items[i].message);
	}
	diags->count = keep;
}

/* A text without the tables (headings only, a narrative, cut off after 二)
 * would be an all-zero report: refused, naming the part. */
static bool refuse_without_table(const struct form_section *sec, int line, bool heading,
				 struct diag_list *diags)
{
	char *message = xasprintf("这不像一份年度报告：%s“%s”%s，没有找到表格中的任何一个数；"
				  "请导入完整的报告",
				  heading ? "" : "找不到", sec->heading,
				  heading ? "这一部分只有标题" : "这一部分");
	fail(diags, line, message);
	free(message);
	return false;
}

static bool read_sections(const struct import_rows *t, const struct import_layout *l,
			  struct report *r, struct diag_list *diags)
{
	const struct form *f = r->form;
	struct paragraphs p = {0};
	bool ok = true;
	size_t last_text = FORM_NONE;
	for (size_t s = 0; s < f->nsections; s++)
		if (has_item(&f->sections[s], FORM_ITEM_TEXT, NULL))
			last_text = s;
	for (size_t s = 0; s < f->nsections && ok; s++) {
		const struct form_section *sec = &f->sections[s];
		const struct import_section_span *span = &l->sections[s];
		bool table = has_item(sec, FORM_ITEM_TABLE, NULL);
		if (!span->heading_line && table) {
			ok = refuse_without_table(sec, 1, false, diags);
			continue;
		}
		if (!span->heading_line) {
			char *message = xasprintf("找不到“%s”这一部分，其中各项为空", sec->heading);
			diag_list_add(diags, DIAG_ERROR, "import.missing", NULL, 1, 1, message);
			free(message);
			continue;
		}
		if (span->similar) {
			char *said = xasprintf(
				"“%s”与正式的标题“%s”不完全相同，按相似当作这一部分的标题",
				t->at[span->heading]->text, sec->heading);
			char *message = import_pos_message(&t->at[span->heading]->pos, said);
			free(said);
			diag_list_add(diags, DIAG_WARNING, "import.heading", NULL,
				      span->heading_line, t->at[span->heading]->column, message);
			free(message);
		}
		size_t cell;
		if (table) {
			size_t before = diags->count;
			ok = read_tables(t, l, s, r, diags);
			if (ok && !section_has_numbers(r, sec)) {
				diags_truncate(diags, before); /* every row missing says nothing */
				ok = refuse_without_table(sec, span->heading_line, true, diags);
			}
		} else if (has_item(sec, FORM_ITEM_TEXT, &cell)) {
			collect_paragraphs(t, l, span->first, span->end, &p);
			if (s == last_text)
				take_signature(t, &p, r);
			ok = set_narrative(t, &p, cell, r, diags);
		}
	}
	free(p.lines);
	return ok;
}

struct report *import_report_blocks(const struct import_blocks *blocks, const struct form *f,
				    struct diag_list *diags)
{
	struct import_rows rows;
	import_rows_of(&rows, blocks);
	struct import_layout layout;
	import_layout_find(&layout, f, &rows);

	struct report *r = NULL;
	if (layout.nfound * 2 < f->nsections) {
		char *message = xasprintf("这不像一份%s：%zu 个部分的标题（如“%s”）只找到 %zu 个",
					  f->name, f->nsections, f->sections[0].heading,
					  layout.nfound);
		fail(diags, 1, message);
		free(message);
	} else {
		r = report_new(f);
		if (!read_title(&rows, layout.title_end, r, diags) ||
		    !read_sections(&rows, &layout, r, diags)) {
			report_free(r);
			r = NULL;
		}
	}
	import_layout_fini(&layout);
	import_rows_fini(&rows);
	return r;
}

/* An old binary Word file (OLE2 compound document). */
static bool is_ole2(const char *data, size_t len)
{
	return len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

/* Which format data is in, by its content: the name says nothing. */
static bool read_blocks(struct import_blocks *blocks, const char *data, size_t len,
			const char **encoding, struct diag_list *diags)
{
	if (is_ole2(data, len)) {
		import_blocks_init(blocks, "Word 97-2003 文档");
		fail(diags, 1,
		     "这是旧版 Word 的二进制文档（.doc）或加了密码的 Word 文档，无法读取；"
		     "请在 Word 或 WPS 中去掉密码、“另存为” .docx 后再导入");
		return false;
	}
	if (import_pdf_detect(data, len)) {
		*encoding = NULL;
		return import_pdf_read(blocks, data, len, diags);
	}
	const struct import_office *office;
	if (import_sniff_docx(data, len)) {
		*encoding = NULL;
		if (!(office = import_office_get(diags))) {
			import_blocks_init(blocks, "Word 文档");
			return false;
		}
		return office->docx_read(blocks, data, len, diags);
	}
	if (len > IMPORT_TEXT_MAX_BYTES) {
		import_blocks_init(blocks, "文本");
		char *message = xasprintf("文件太大（%zu 字节），文本或网页格式的报告最大为 %u MiB",
					  len, IMPORT_TEXT_MAX_BYTES >> 20);
		fail(diags, 1, message);
		free(message);
		return false;
	}
	if (import_sniff_html(data, len)) {
		if (!(office = import_office_get(diags))) {
			import_blocks_init(blocks, "网页");
			return false;
		}
		return office->html_read(blocks, data, len, encoding, diags);
	}
	size_t utf8_len;
	char *utf8 = import_decode(data, len, &utf8_len, encoding, diags);
	if (!utf8) {
		import_blocks_init(blocks, "文本");
		return false;
	}
	import_text_read(blocks, utf8, utf8_len);
	free(utf8);
	return true;
}

struct import_where {
	struct where_place {
		int line, column;
		char *words; /* owned */
	} * at;		     /* owned */
	size_t n, cap;
};

static void where_add(struct import_where *w, int line, int column, const struct import_pos *pos)
{
	char *words = import_pos_words(pos);
	if (!words)
		return;
	w->at = xgrow(w->at, &w->cap, w->n + 1, sizeof *w->at);
	w->at[w->n++] = (struct where_place){line, column, words};
}

/* Every cell, and every row at its line and first column, of blocks. */
static struct import_where *where_of(const struct import_blocks *b)
{
	struct import_where *w = xcalloc(1, sizeof *w);
	for (size_t i = 0; i < b->nblocks; i++)
		for (size_t r = 0; r < b->blocks[i].nrows; r++) {
			const struct import_row *row = &b->blocks[i].rows[r];
			for (size_t c = 0; c < row->ncells; c++)
				where_add(w, row->cells[c].line, row->cells[c].column,
					  &row->cells[c].pos);
			where_add(w, row->number, 1, &row->pos);
		}
	return w;
}

void import_where_say(const struct import_where *w, struct diag_list *diags, size_t first)
{
	for (size_t i = first; w && i < diags->count; i++) {
		struct diag *d = &diags->items[i];
		for (size_t k = 0; d->line && k < w->n; k++) {
			if (w->at[k].line != d->line || w->at[k].column != d->column)
				continue;
			char *message = xasprintf("%s：%s", w->at[k].words, d->message);
			free(d->message);
			d->message = message;
			break;
		}
	}
}

void import_where_free(struct import_where *w)
{
	for (size_t i = 0; w && i < w->n; i++)
		free(w->at[i].words);
	if (w)
		free(w->at);
	free(w);
}

struct report *import_report_where(const char *data, size_t len, const struct form *f,
				   const char **encoding, struct diag_list *diags,
				   struct import_where **where)
{
	struct import_blocks blocks;
	struct report *r = NULL;
	if (read_blocks(&blocks, data, len, encoding, diags))
		r = import_report_blocks(&blocks, f, diags);
	if (where)
		*where = r ? where_of(&blocks) : NULL;
	import_blocks_fini(&blocks);
	return r;
}

struct report *import_report(const char *data, size_t len, const struct form *f,
			     const char **encoding, struct diag_list *diags)
{
	return import_report_where(data, len, f, encoding, diags, NULL);
}
