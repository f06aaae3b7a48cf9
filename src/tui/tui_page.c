/* A section of the form: its items (narrative texts and tables) laid out
 * one under the other, with the cursor on a table cell or in a text.
 * Numbers and texts are written to the session as they are typed, so the
 * rules (and the totals the form derives) follow every keystroke; what is
 * broken is asked of the session and shown beside the cells and in the
 * message line.  Drawing only reads; key handlers change state and
 * return what changed. */
#include "tui_internal.h"

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "session.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

#define MAX_COLUMNS 32
#define TEXT_MIN_LINES 6
#define PROBLEM_LINES 3

/* ---- the items of the page ------------------------------------------------ */

static const struct form_section *section_of(const struct tui *t)
{
	return &t->form->sections[tui_section(t)];
}

static const struct form_item *item_at(const struct tui *t, size_t item)
{
	return &section_of(t)->items[item];
}

static const struct form_table *table_at(const struct tui *t, size_t item)
{
	const struct form_item *it = item_at(t, item);
	return it->kind == FORM_ITEM_TABLE ? &t->form->tables[it->index] : NULL;
}

/* The data row after (dir 1) or before (dir -1) row, skipping group rows;
 * FORM_NONE past the end.  Pass FORM_NONE as row to start from an end. */
static size_t step_row(const struct form_table *tab, size_t row, int dir)
{
	long r = row == FORM_NONE ? (dir > 0 ? -1 : (long)tab->nrows) : (long)row;
	for (r += dir; r >= 0 && r < (long)tab->nrows; r += dir)
		if (!tab->rows[r].group)
			return (size_t)r;
	return FORM_NONE;
}

bool tui_page_on_text(const struct tui *t)
{
	return table_at(t, t->item) == NULL;
}

static size_t cursor_cell(const struct tui *t)
{
	const struct form_table *tab = table_at(t, t->item);
	if (tab)
		return tab->rows[t->row].first_cell + t->column;
	return item_at(t, t->item)->index;
}

/* Opens the text item under the cursor for editing. */
static void open_text(struct tui *t)
{
	size_t cell = item_at(t, t->item)->index;
	textedit_fini(&t->text);
	textedit_init(&t->text, t->session->report->texts[cell],
		      t->form->types[FORM_TEXT].max_chars, tui_content_width(t) - 2);
	t->text_open = true;
	t->text_cell = cell;
}

/* A narrative's text reaches the session as it is typed, so committing
 * only ends a number being typed: an open text stays open, with its
 * cursor where the clerk left it. */
void tui_page_commit(struct tui *t)
{
	t->number_editing = false;
	buf_clear(&t->number);
}

/* Puts the cursor on item's first (or last) stop. */
static void enter_item(struct tui *t, size_t item, bool last)
{
	tui_page_commit(t);
	t->text_open = false;
	t->item = item;
	const struct form_table *tab = table_at(t, item);
	if (tab) {
		t->row = step_row(tab, FORM_NONE, last ? -1 : 1);
		t->column = last ? tab->columns->ncolumns - 1 : 0;
	} else {
		open_text(t);
		if (last)
			t->text.cursor = t->text.text.len;
	}
}

void tui_page_first_stop(struct tui *t, bool last)
{
	const struct form_section *sec = section_of(t);
	enter_item(t, last ? sec->nitems - 1 : 0, last);
}

void tui_goto_page(struct tui *t, size_t page)
{
	t->text_open = false;
	tui_page_commit(t);
	t->page = page;
	t->scroll = 0;
	t->field = 0;
	if (page > 0)
		tui_page_first_stop(t, false);
}

/* ---- table geometry ------------------------------------------------------- */

struct grid {
	int label_width;
	int width[MAX_COLUMNS];		/* per column, including its left gap */
	int header_lines;		/* lines of column labels (1 or 2) */
	size_t groups;			/* lines of column groups */
	size_t first, last;		/* the columns shown */
};

static int number_width(const struct report *r, size_t cell)
{
	char text[32];
	if (r->form->cells[cell].type == FORM_MONEY) {
		value_format_money(r->numbers[cell], text);
		return (int)strlen(text);
	}
	int digits = 1; /* counts are never negative */
	for (int64_t v = r->numbers[cell]; v >= 10; v /= 10)
		digits++;
	return digits;
}

/* Splits label into two lines of about equal width; returns the byte
 * length of the first. */
static size_t split_label(const char *label)
{
	size_t len = strlen(label);
	return utf8_prefix_for_width(label, len, (utf8_width(label) + 1) / 2 + 1);
}

static void layout_grid(const struct tui *t, const struct form_table *tab, struct grid *g)
{
	const struct form_column_set *cols = tab->columns;
	int available = tui_content_width(t) - 1;
	size_t n = cols->ncolumns < MAX_COLUMNS ? cols->ncolumns : MAX_COLUMNS;
	int one_line = 0, two_lines = 0;
	int wide_numbers[MAX_COLUMNS];
	for (size_t c = 0; c < n; c++) {
		int w = 6;
		for (size_t r = 0; r < tab->nrows; r++)
			if (!tab->rows[r].group) {
				int nw = number_width(t->session->report, tab->rows[r].first_cell + c);
				if (nw > w)
					w = nw;
			}
		if (t->number_editing && (int)t->number.len > w)
			w = (int)t->number.len;
		wide_numbers[c] = w;
		int label = utf8_width(cols->columns[c].label);
		int half = utf8_nwidth(cols->columns[c].label, split_label(cols->columns[c].label));
		one_line += 1 + (label > w ? label : w);
		two_lines += 1 + (half > w ? half : w);
	}
	int labels = 0;
	for (size_t r = 0; r < tab->nrows; r++) {
		int w = (int)tab->rows[r].depth * 2 + utf8_width(tab->rows[r].label);
		if (w > labels)
			labels = w;
	}
	int min_label = available / 4 > 14 ? available / 4 : 14;
	bool single = available - one_line >= (labels < min_label ? labels : min_label);
	g->header_lines = single ? 1 : 2;
	for (size_t c = 0; c < n; c++) {
		const char *label = cols->columns[c].label;
		int lw = single ? utf8_width(label) : utf8_nwidth(label, split_label(label));
		int rest = single ? 0 : utf8_width(label + split_label(label));
		if (rest > lw)
			lw = rest;
		g->width[c] = 1 + (lw > wide_numbers[c] ? lw : wide_numbers[c]);
	}
	int sum = single ? one_line : two_lines;
	g->label_width = available - sum;
	if (g->label_width > labels)
		g->label_width = labels;
	if (g->label_width < min_label)
		g->label_width = min_label;
	g->groups = 0;
	for (size_t c = 0; c < n; c++)
		if (cols->columns[c].ngroups > g->groups)
			g->groups = cols->columns[c].ngroups;
	/* the columns that fit, keeping the cursor's in view */
	size_t first = 0;
	for (;;) {
		int x = g->label_width;
		size_t last = first;
		while (last < n && x + g->width[last] <= available)
			x += g->width[last++];
		if (last == first)
			last = first + 1;
		if (table_at(t, t->item) != tab || t->column < last || first + 1 >= n) {
			g->first = first;
			g->last = last;
			break;
		}
		first++;
	}
}

/* ---- lines of the page ------------------------------------------------------ */

enum line_kind {
	LINE_BLANK,
	LINE_TITLE,		/* a table's title, e.g. 第二十条第（一）项 */
	LINE_NOTE,		/* a table's top-left header text */
	LINE_GROUPS,		/* index: group level */
	LINE_COLUMNS,		/* index: header line */
	LINE_ROW,		/* index: table row */
	LINE_TEXT,		/* index: visual line of the text */
};

struct page_line {
	enum line_kind kind;
	size_t item;
	size_t index;
};

struct page {
	struct page_line *lines;
	size_t count, cap;
	size_t cursor_line;
	size_t header_first, header_count;	/* the cursor table's column headers */
	struct textedit *texts;	/* per item: the wrapped text of items not being edited */
	struct grid *grids;	/* per item: the geometry of tables */
	size_t nitems;		/* of the section laid out */
};

static void add_line(struct page *p, enum line_kind kind, size_t item, size_t index)
{
	p->lines = xgrow(p->lines, &p->cap, p->count + 1, sizeof *p->lines);
	p->lines[p->count++] = (struct page_line){kind, item, index};
}

/* The wrapped lines of a text item: the open editor's, or the page's own
 * layout of the saved text (made once per drawing, not once per line). */
static const struct textedit *text_layout(const struct tui *t, const struct page *p, size_t item)
{
	return t->text_open && t->item == item ? &t->text : &p->texts[item];
}

static void page_fini(struct page *p)
{
	/* texts not laid out are all zero, which textedit_fini takes */
	for (size_t i = 0; p->texts && i < p->nitems; i++)
		textedit_fini(&p->texts[i]);
	free(p->texts);
	free(p->grids);
	free(p->lines);
}

static void build_page(const struct tui *t, struct page *p, int view_height)
{
	const struct form_section *sec = section_of(t);
	memset(p, 0, sizeof *p);
	p->nitems = sec->nitems;
	p->texts = xcalloc(sec->nitems, sizeof *p->texts);
	p->grids = xcalloc(sec->nitems, sizeof *p->grids);
	for (size_t i = 0; i < sec->nitems; i++) {
		const struct form_table *tab = table_at(t, i);
		if (i > 0)
			add_line(p, LINE_BLANK, i, 0);
		if (!tab) {
			if (!(t->text_open && t->item == i))
				textedit_init(&p->texts[i],
					      t->session->report->texts[item_at(t, i)->index], SIZE_MAX,
					      tui_content_width(t) - 2);
			size_t n = text_layout(t, p, i)->nlines;
			size_t want = sec->nitems == 1 ? (size_t)(view_height > 0 ? view_height : 1)
						       : TEXT_MIN_LINES;
			if (n < want)
				n = want;
			for (size_t k = 0; k < n; k++)
				add_line(p, LINE_TEXT, i, k);
			if (t->item == i) {
				int col;
				p->cursor_line = p->count - n +
						 (t->text_open ? textedit_cursor_line(&t->text, &col) : 0);
			}
			continue;
		}
		struct grid *g = &p->grids[i];
		layout_grid(t, tab, g);
		if (tab->title)
			add_line(p, LINE_TITLE, i, 0);
		if (tab->label_header && utf8_width(tab->label_header) > g->label_width)
			add_line(p, LINE_NOTE, i, 0);
		if (t->item == i)
			p->header_first = p->count;
		for (size_t k = 0; k < g->groups; k++)
			add_line(p, LINE_GROUPS, i, k);
		for (int k = 0; k < g->header_lines; k++)
			add_line(p, LINE_COLUMNS, i, (size_t)k);
		if (t->item == i)
			p->header_count = p->count - p->header_first;
		for (size_t r = 0; r < tab->nrows; r++) {
			if (t->item == i && r == t->row)
				p->cursor_line = p->count;
			add_line(p, LINE_ROW, i, r);
		}
	}
}

/* ---- drawing ---------------------------------------------------------------- */

/* A column group's label centred over the columns it spans, with a rule
 * on either side so that the span shows. */
static void put_group_label(const char *label, int y, int x, int span)
{
	int w = utf8_width(label);
	if (w + 2 >= span) {
		tui_put(y, x, label, span);
		return;
	}
	int left = (span - w) / 2;
	mvhline_set(y, x, WACS_HLINE, left - 1);
	tui_put(y, x + left, label, w);
	mvhline_set(y, x + left + w + 1, WACS_HLINE, span - left - w - 1);
}

static void draw_groups(struct tui *t, const struct form_table *tab, const struct grid *g,
			size_t level, int y, int x0)
{
	const struct form_column_set *cols = tab->columns;
	int x = x0 + g->label_width;
	tui_style(t, TUI_STYLE_DIM);
	for (size_t c = g->first; c < g->last; c++) {
		const struct form_column *col = &cols->columns[c];
		bool starts = col->ngroups > level &&
			      (c == g->first || cols->columns[c - 1].ngroups <= level ||
			       strcmp(cols->columns[c - 1].groups[level], col->groups[level]) != 0);
		if (starts) {
			int span = 0;
			for (size_t k = c; k < g->last && cols->columns[k].ngroups > level &&
					   strcmp(cols->columns[k].groups[level], col->groups[level]) == 0;
			     k++)
				span += g->width[k];
			put_group_label(col->groups[level], y, x + 1, span - 1);
		}
		x += g->width[c];
	}
}

static void draw_column_labels(struct tui *t, const struct form_table *tab, const struct grid *g,
			       size_t line, int y, int x0)
{
	const struct form_column_set *cols = tab->columns;
	tui_style(t, TUI_STYLE_HEADING);
	if (line + 1 == (size_t)g->header_lines && tab->label_header &&
	    utf8_width(tab->label_header) <= g->label_width)
		tui_put(y, x0, tab->label_header, g->label_width);
	if (g->first > 0 && line == 0)
		tui_put(y, x0 + g->label_width - 2, "◀", 2);
	int x = x0 + g->label_width;
	for (size_t c = g->first; c < g->last; c++) {
		const char *label = cols->columns[c].label;
		char part[128];
		if (g->header_lines == 1) {
			tui_put_right(y, x, label, g->width[c]);
		} else {
			size_t split = split_label(label);
			if (utf8_width(label) < g->width[c]) /* fits one line: put it low */
				snprintf(part, sizeof part, "%s", line == 1 ? label : "");
			else if (line == 0)
				snprintf(part, sizeof part, "%.*s", (int)split, label);
			else
				snprintf(part, sizeof part, "%s", label + split);
			tui_put_right(y, x, part, g->width[c]);
		}
		x += g->width[c];
	}
	if (g->last < tab->columns->ncolumns && line == 0)
		tui_put(y, x, "▶", 2);
}

static enum tui_style cell_style(const struct tui *t, size_t cell, bool here)
{
	const struct session *s = t->session;
	bool broken = session_cell_is_broken(s, cell);
	if (here)
		return broken ? TUI_STYLE_CURSOR_ERROR : TUI_STYLE_CURSOR;
	if (broken)
		return TUI_STYLE_ERROR;
	const struct rule_failure *f[1];
	if (session_cell_failures(s, cell, f, 1))
		return TUI_STYLE_WARNING;
	if (rules_cell_is_derived(s->entry->rules, cell))
		return TUI_STYLE_DERIVED;
	return TUI_STYLE_NORMAL;
}

static void draw_row(struct tui *t, const struct form_table *tab, const struct grid *g, size_t r,
		     bool cursor_table, int y, int x0)
{
	const struct form_row *row = &tab->rows[r];
	int indent = (int)row->depth * (tui_content_width(t) < 80 ? 1 : 2);
	tui_style(t, row->group ? TUI_STYLE_HEADING : TUI_STYLE_LABEL);
	int lw = g->label_width - indent - 1;
	if (utf8_width(row->label) <= lw || lw <= 2) {
		tui_put(y, x0 + indent, row->label, lw);
	} else {
		/* show that the label goes on: the message line has all of it */
		int used = tui_put(y, x0 + indent, row->label, lw - 1);
		tui_put(y, x0 + indent + used, "…", 1);
	}
	if (row->group)
		return;
	int x = x0 + g->label_width;
	for (size_t c = g->first; c < g->last; c++) {
		size_t cell = row->first_cell + c;
		bool here = cursor_table && r == t->row && c == t->column && t->focus == TUI_FOCUS_CONTENT;
		char text[40];
		if (here && t->number_editing)
			snprintf(text, sizeof text, "%s", t->number.data);
		else if (t->form->cells[cell].type == FORM_MONEY)
			value_format_money(t->session->report->numbers[cell], text);
		else
			snprintf(text, sizeof text, "%" PRId64, t->session->report->numbers[cell]);
		tui_style(t, cell_style(t, cell, here));
		tui_put_right(y, x + 1, text, g->width[c] - 1);
		x += g->width[c];
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

static void draw_text_line(struct tui *t, const struct page *p, size_t item, size_t index,
			   int y, int x0)
{
	const struct textedit *e = text_layout(t, p, item);
	tui_style(t, TUI_STYLE_NORMAL);
	if (index < e->nlines) {
		const struct textedit_line *l = &e->lines[index];
		char *line = xstrndup(e->text.data + l->start, l->end - l->start);
		tui_put(y, x0 + 1, line, tui_content_width(t) - 2);
		free(line);
	} else if (index == 1 && e->text.len == 0) {
		tui_style(t, TUI_STYLE_DIM);
		tui_put(y, x0 + 1, "（在这里输入；可用中文输入法或粘贴，Enter 换段）",
			tui_content_width(t) - 2);
	}
}

static void draw_line(struct tui *t, const struct page *p, const struct page_line *line, int y,
		      int x0)
{
	const struct form_table *tab = table_at(t, line->item);
	const struct grid *g = &p->grids[line->item];
	switch (line->kind) {
	case LINE_TITLE:
		tui_style(t, TUI_STYLE_HEADING);
		tui_put(y, x0, tab->title, tui_content_width(t));
		break;
	case LINE_NOTE:
		tui_style(t, TUI_STYLE_DIM);
		tui_put(y, x0, tab->label_header, tui_content_width(t));
		break;
	case LINE_GROUPS:
		draw_groups(t, tab, g, line->index, y, x0);
		break;
	case LINE_COLUMNS:
		draw_column_labels(t, tab, g, line->index, y, x0);
		break;
	case LINE_ROW:
		draw_row(t, tab, g, line->index, line->item == t->item, y, x0);
		break;
	case LINE_TEXT:
		draw_text_line(t, p, line->item, line->index, y, x0);
		break;
	default:
		break;
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

/* Failures whose cell is in this section (at most max). */
static size_t section_failures(const struct tui *t, const struct rule_failure **out, size_t max)
{
	const struct session *s = t->session;
	size_t n = 0;
	for (size_t i = 0; i < s->outcome.count && n < max; i++) {
		size_t cell = rules_failure_cell(s->entry->rules, &s->outcome.failures[i]);
		if (t->form->cells[cell].section == tui_section(t))
			out[n++] = &s->outcome.failures[i];
	}
	return n;
}

/* The list of this section's problems under the page: the first few
 * failures, each in at most two lines so that how much is wrong shows. */
struct problems {
	char *messages[PROBLEM_LINES];
	enum diag_severity severities[PROBLEM_LINES];
	size_t count;
	int lines;		/* the heading and every message's lines; 0 when none */
};

static void problems_build(const struct tui *t, struct problems *pr)
{
	const struct rule_failure *f[PROBLEM_LINES];
	const struct rules *rules = t->session->entry->rules;
	size_t found = section_failures(t, f, PROBLEM_LINES);
	/* at most a third of the page, so the cells being typed into show */
	int room = (tui_body_height(t) - 1) / 3;
	pr->count = 0;
	pr->lines = 0;
	for (size_t i = 0; i < found; i++) {
		char *message = rules_failure_message(rules, t->session->report, f[i]);
		int lines = tui_wrapped_lines(message, tui_content_width(t) - 2, 2);
		if (1 + pr->lines + lines > room && pr->count > 0) {
			free(message);
			break;
		}
		pr->messages[pr->count] = message;
		pr->severities[pr->count++] = rules_failure_severity(rules, f[i]);
		pr->lines += lines;
	}
	if (pr->count)
		pr->lines++; /* the heading */
}

static void problems_fini(struct problems *pr)
{
	for (size_t i = 0; i < pr->count; i++)
		free(pr->messages[i]);
}

static void problems_draw(struct tui *t, const struct problems *pr, int x0)
{
	if (!pr->count)
		return;
	int y = tui_body_top(t) + tui_body_height(t) - pr->lines;
	size_t total;
	session_section_state(t->session, tui_section(t), &total);
	char head[96];
	snprintf(head, sizeof head, "本部分有 %zu 处问题%s：", total,
		 total > pr->count ? "（列出前几处）" : "");
	tui_style(t, TUI_STYLE_ERROR);
	tui_put(y++, x0, head, tui_content_width(t));
	for (size_t i = 0; i < pr->count; i++) {
		tui_style(t, pr->severities[i] == DIAG_ERROR ? TUI_STYLE_ERROR : TUI_STYLE_WARNING);
		y += tui_put_wrapped(y, x0 + 2, pr->messages[i], tui_content_width(t) - 2, 2);
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

/* Lines of the page above the problem list. */
static int view_height(const struct tui *t, const struct problems *pr)
{
	int height = tui_body_height(t) - 1 - pr->lines;
	return height < 3 ? 3 : height;
}

/* Keeps the cursor's line in view, scrolling as little as possible.  Once
 * the page is scrolled, the column headers of the cursor's table stay at
 * the top; returns how many lines they take. */
static size_t place_scroll(struct tui *t, const struct page *p, size_t height)
{
	size_t cursor = p->cursor_line;
	size_t header_end = p->header_first + p->header_count;
	if (p->count <= height || cursor < height) {
		t->scroll = 0;
		return 0;
	}
	/* the headers stay at the top only while the cursor's row has room */
	size_t sticky = p->header_count && cursor >= header_end && height > p->header_count + 1
				? p->header_count
				: 0;
	size_t room = height - sticky;
	size_t first = t->scroll;
	if (cursor < first)
		first = cursor;
	if (cursor >= first + room)
		first = cursor - room + 1;
	if (first + room > p->count)
		first = p->count - room;
	if (sticky && first < header_end)
		first = header_end;
	t->scroll = first;
	return sticky;
}

/* What laying the page out found, kept for drawing it. */
struct tui_page_layout {
	struct page page;
	struct problems problems;
	int height;		/* lines of the page above the problem list */
	size_t sticky;		/* column headers kept at the top */
};

void tui_page_layout_free(struct tui *t)
{
	struct tui_page_layout *l = t->layout;
	if (!l)
		return;
	page_fini(&l->page);
	problems_fini(&l->problems);
	free(l);
	t->layout = NULL;
}

/* Where the terminal cursor belongs on the laid-out page (for input
 * methods); false when the highlighted cell is the cursor. */
static bool page_cursor(const struct tui *t, const struct tui_page_layout *l, int *y, int *x)
{
	const struct page *p = &l->page;
	*y = tui_body_top(t) + 1 + (int)l->sticky + (int)(p->cursor_line - t->scroll);
	if (p->cursor_line < t->scroll || *y >= tui_body_top(t) + 1 + l->height)
		return false;
	const struct form_table *tab = table_at(t, t->item);
	if (!tab) {
		int col;
		textedit_cursor_line(&t->text, &col);
		*x = tui_content_x(t) + 2 + col;
		return t->text_open;
	}
	if (!t->number_editing)
		return false;
	const struct grid *g = &p->grids[t->item];
	int x_end = tui_content_x(t) + 1 + g->label_width;
	for (size_t c = g->first; c <= t->column && c < g->last; c++)
		x_end += g->width[c];
	*x = x_end;
	return true;
}

void tui_page_layout(struct tui *t)
{
	tui_page_layout_free(t);
	struct tui_page_layout *l = xcalloc(1, sizeof *l);
	t->layout = l;
	if (t->text_open && t->text.width != tui_content_width(t) - 2)
		textedit_set_width(&t->text, tui_content_width(t) - 2);
	problems_build(t, &l->problems);
	l->height = view_height(t, &l->problems);
	build_page(t, &l->page, l->height);
	l->sticky = place_scroll(t, &l->page, (size_t)l->height);
	t->cursor_shown = page_cursor(t, l, &t->cursor_y, &t->cursor_x);
}

void tui_page_draw(struct tui *t)
{
	const struct tui_page_layout *l = t->layout;
	const struct page *p = &l->page;
	const struct form_section *sec = section_of(t);
	int x0 = tui_content_x(t) + 1, top = tui_body_top(t);
	tui_style(t, TUI_STYLE_HEADING);
	tui_put(top, x0, sec->heading, tui_content_width(t));
	tui_style(t, TUI_STYLE_NORMAL);
	int y = top + 1;
	for (size_t i = 0; i < l->sticky; i++)
		draw_line(t, p, &p->lines[p->header_first + i], y++, x0);
	for (size_t i = t->scroll; i < p->count && y < top + 1 + l->height; i++)
		draw_line(t, p, &p->lines[i], y++, x0);
	problems_draw(t, &l->problems, x0);
	tui_style(t, TUI_STYLE_NORMAL);
}

/* ---- the message line --------------------------------------------------------- */

char *tui_page_status(const struct tui *t, enum tui_message_kind *kind)
{
	const struct session *s = t->session;
	size_t cell = cursor_cell(t);
	const struct rule_failure *f[8];
	size_t n = session_cell_failures(s, cell, f, 8);
	*kind = TUI_MESSAGE_INFO;
	if (n) {
		char *msg = rules_failure_message(s->entry->rules, s->report, f[0]);
		*kind = TUI_MESSAGE_ERROR;
		if (n == 1)
			return msg;
		char *both = xasprintf("%s（本格还涉及另外 %zu 处问题）", msg, n - 1);
		free(msg);
		return both;
	}
	const struct form_cell *c = &t->form->cells[cell];
	if (c->type == FORM_TEXT) {
		size_t chars = utf8_length(s->report->texts[cell], strlen(s->report->texts[cell]));
		return xasprintf("%s：%zu 字", c->label, chars);
	}
	if (rules_cell_is_derived(s->entry->rules, cell))
		return xasprintf("%s（合计：随各项自动计算）", c->label);
	return xstrdup(c->label);
}

/* ---- numbers -------------------------------------------------------------- */

static void start_number(struct tui *t, bool keep)
{
	size_t cell = cursor_cell(t);
	t->number_editing = true;
	t->number_before = t->session->report->numbers[cell];
	buf_clear(&t->number);
	if (keep) {
		char text[32];
		if (t->form->cells[cell].type == FORM_MONEY)
			value_format_money(t->number_before, text);
		else
			snprintf(text, sizeof text, "%" PRId64, t->number_before);
		buf_adds(&t->number, text);
	}
}

/* The value of what was typed into cell; "12." is 12 while its decimals
 * are being typed, and nothing typed is 0.  False when it is not a value
 * of the cell's type (too large, too many decimals). */
static bool typed_value(const struct tui *t, size_t cell, const struct buf *typed, int64_t *value)
{
	const struct form_type *type = &t->form->types[t->form->cells[cell].type];
	const char *problem;
	size_t len = typed->len;
	if (len && typed->data[len - 1] == '.')
		len--;
	*value = 0;
	if (!len)
		return true;
	return t->form->cells[cell].type == FORM_MONEY
		       ? value_parse_money(typed->data, len, type->decimals, type->below, value,
					   &problem)
		       : value_parse_count(typed->data, len, type->max, value, &problem);
}

/* Writes what was typed into the cell (live). */
static enum tui_reaction apply_number(struct tui *t)
{
	size_t cell = cursor_cell(t);
	int64_t value;
	if (!typed_value(t, cell, &t->number, &value))
		return TUI_REDRAW;
	if (value != t->session->report->numbers[cell])
		session_set_number(t->session, cell, value);
	return TUI_EDITED;
}

/* One typed character into a number cell; *refused is set (with a
 * message) when the character cannot go there. */
static enum tui_reaction type_digit(struct tui *t, uint32_t cp, bool *refused)
{
	size_t cell = cursor_cell(t);
	const struct form_type *type = &t->form->types[t->form->cells[cell].type];
	bool money = t->form->cells[cell].type == FORM_MONEY;
	int digit = utf8_digit_value(cp);
	char c;
	*refused = true;
	if (digit >= 0)
		c = (char)('0' + digit);
	else if (money && (cp == '.' || cp == 0xFF0E || cp == 0x3002))
		c = '.';
	else {
		if (money)
			tui_message(t, TUI_MESSAGE_ERROR, "这一格只能填金额（数字和小数点）");
		else
			tui_message(t, TUI_MESSAGE_ERROR, "这一格只能填数字（0 到 %" PRId64 " 的整数）",
				    type->max);
		return TUI_REDRAW;
	}
	if (!t->number_editing)
		start_number(t, false);
	struct buf *b = &t->number;
	const char *point = strchr(b->data, '.');
	if (c == '.' && point) {
		tui_message(t, TUI_MESSAGE_ERROR, "已经有小数点了");
		return TUI_REDRAW;
	}
	if (point && c != '.' && strlen(point + 1) >= (size_t)type->decimals) {
		tui_message(t, TUI_MESSAGE_ERROR, "金额最多 %d 位小数", type->decimals);
		return TUI_REDRAW;
	}
	if (b->len == 1 && b->data[0] == '0' && c != '.')
		buf_clear(b); /* no leading zero: typing 5 over 0 gives 5 */
	if (c == '.' && b->len == 0)
		buf_addc(b, '0');
	buf_addc(b, c);
	/* refuse a digit that would go over the limit, keeping what was typed */
	int64_t v;
	if (!typed_value(t, cell, b, &v)) {
		b->len--;
		b->data[b->len] = '\0';
		if (money)
			tui_message(t, TUI_MESSAGE_ERROR, "金额太大：应小于 %" PRId64 " %s", type->below,
				    type->unit ? type->unit : "");
		else
			tui_message(t, TUI_MESSAGE_ERROR, "数字太大：最大为 %" PRId64, type->max);
		return TUI_REDRAW;
	}
	*refused = false;
	return apply_number(t);
}

static enum tui_reaction cancel_number(struct tui *t)
{
	size_t cell = cursor_cell(t);
	t->number_editing = false;
	buf_clear(&t->number);
	if (t->session->report->numbers[cell] != t->number_before) {
		session_set_number(t->session, cell, t->number_before);
		tui_message(t, TUI_MESSAGE_INFO, "已取消本次输入");
		return TUI_EDITED;
	}
	return TUI_REDRAW;
}

/* ---- moving ----------------------------------------------------------------- */

static enum tui_reaction next_page(struct tui *t, bool backwards)
{
	size_t pages = t->form->nsections + 1;
	if (backwards && t->page == 1) {
		tui_goto_page(t, 0);
		t->field = TUI_FIELDS - 1;
		return TUI_REDRAW;
	}
	if (!backwards && t->page + 1 >= pages) {
		tui_message(t, TUI_MESSAGE_INFO, "已经是最后一项了；F2 保存，F5 生成标准文本");
		return TUI_REDRAW;
	}
	tui_goto_page(t, backwards ? t->page - 1 : t->page + 1);
	if (backwards)
		tui_page_first_stop(t, true);
	return TUI_REDRAW;
}

/* Moves to the next (or previous) item; past the end, to the next page. */
static enum tui_reaction next_item(struct tui *t, bool backwards)
{
	const struct form_section *sec = section_of(t);
	if (!backwards && t->item + 1 < sec->nitems) {
		enter_item(t, t->item + 1, false);
		return TUI_REDRAW;
	}
	if (backwards && t->item > 0) {
		enter_item(t, t->item - 1, true);
		return TUI_REDRAW;
	}
	return next_page(t, backwards);
}

static enum tui_reaction move_vertically(struct tui *t, int dir, size_t steps)
{
	const struct form_table *tab = table_at(t, t->item);
	size_t row = t->row;
	for (size_t i = 0; i < steps; i++) {
		size_t next = step_row(tab, row, dir);
		if (next == FORM_NONE)
			break;
		row = next;
	}
	if (row == t->row) {
		if (steps > 1)
			return TUI_NONE;
		size_t column = t->column;
		enum tui_reaction r = next_item(t, dir < 0);
		const struct form_table *now = table_at(t, t->item);
		if (now && column < now->columns->ncolumns && t->page > 0)
			t->column = column;
		return r;
	}
	t->row = row;
	return TUI_REDRAW;
}

static enum tui_reaction move_tab(struct tui *t, bool backwards)
{
	const struct form_table *tab = table_at(t, t->item);
	if (!tab)
		return next_item(t, backwards);
	size_t ncols = tab->columns->ncolumns;
	if (!backwards && t->column + 1 < ncols) {
		t->column++;
		return TUI_REDRAW;
	}
	if (backwards && t->column > 0) {
		t->column--;
		return TUI_REDRAW;
	}
	size_t row = step_row(tab, t->row, backwards ? -1 : 1);
	if (row == FORM_NONE)
		return next_item(t, backwards);
	t->row = row;
	t->column = backwards ? ncols - 1 : 0;
	return TUI_REDRAW;
}

/* ---- keys ---------------------------------------------------------------------- */

static enum tui_reaction table_key(struct tui *t, struct tui_key key)
{
	const struct form_table *tab = table_at(t, t->item);
	size_t page_rows = (size_t)(tui_body_height(t) > 10 ? tui_body_height(t) - 8 : 2);
	enum tui_reaction r = TUI_NONE;
	bool enter = (!key.function && (key.code == '\r' || key.code == '\n')) ||
		     (key.function && key.code == KEY_ENTER);

	if (!key.function && key.code == 27)
		return t->number_editing ? cancel_number(t) : (t->focus = TUI_FOCUS_SECTIONS, TUI_REDRAW);
	if (!key.function && (key.code == 127 || key.code == 8))
		key = (struct tui_key){KEY_BACKSPACE, true};
	if (key.function && key.code == KEY_BACKSPACE) {
		if (!t->number_editing)
			start_number(t, true);
		if (t->number.len) {
			t->number.len--;
			t->number.data[t->number.len] = '\0';
		}
		return apply_number(t);
	}
	if (key.function && key.code == KEY_DC) {
		start_number(t, false);
		return apply_number(t);
	}
	/* everything else ends the number being typed */
	if (t->number_editing) {
		t->number_editing = false;
		buf_clear(&t->number);
		r = TUI_REDRAW;
	}
	if (enter)
		return r | move_vertically(t, 1, 1);
	if (!key.function && key.code == '\t')
		return r | move_tab(t, false);
	if (!key.function)
		return r;
	switch (key.code) {
	case KEY_BTAB:
		return r | move_tab(t, true);
	case KEY_UP:
		return r | move_vertically(t, -1, 1);
	case KEY_DOWN:
		return r | move_vertically(t, 1, 1);
	case KEY_PPAGE:
		return r | move_vertically(t, -1, page_rows) | TUI_REDRAW;
	case KEY_NPAGE:
		return r | move_vertically(t, 1, page_rows) | TUI_REDRAW;
	case KEY_LEFT:
		if (t->column > 0)
			t->column--;
		return r | TUI_REDRAW;
	case KEY_RIGHT:
		if (t->column + 1 < tab->columns->ncolumns)
			t->column++;
		return r | TUI_REDRAW;
	case KEY_HOME:
		t->column = 0;
		return r | TUI_REDRAW;
	case KEY_END:
		t->column = tab->columns->ncolumns - 1;
		return r | TUI_REDRAW;
	default:
		return r;
	}
}

static enum tui_reaction text_changed(struct tui *t)
{
	session_set_text(t->session, t->text_cell, t->text.text.data, t->text.text.len);
	return TUI_EDITED;
}

static enum tui_reaction text_key(struct tui *t, struct tui_key key)
{
	size_t page_lines = (size_t)(tui_body_height(t) > 6 ? tui_body_height(t) - 4 : 2);
	if (!t->text_open)
		open_text(t);
	if (!key.function) {
		switch (key.code) {
		case 27:
			t->focus = TUI_FOCUS_SECTIONS;
			return TUI_REDRAW;
		case '\t':
			return next_item(t, false);
		case 127:
		case 8:
			return textedit_backspace(&t->text) ? text_changed(t) : TUI_NONE;
		case 'E' & 0x1f:
			return tui_page_external_editor(t);
		default:
			return TUI_NONE;
		}
	}
	switch (key.code) {
	case KEY_BTAB:
		return next_item(t, true);
	case KEY_BACKSPACE:
		return textedit_backspace(&t->text) ? text_changed(t) : TUI_NONE;
	case KEY_DC:
		return textedit_delete(&t->text) ? text_changed(t) : TUI_NONE;
	case KEY_LEFT:
		textedit_left(&t->text);
		return TUI_REDRAW;
	case KEY_RIGHT:
		textedit_right(&t->text);
		return TUI_REDRAW;
	case KEY_UP:
		if (!textedit_up(&t->text, 1))
			return t->item > 0 ? next_item(t, true) : TUI_NONE;
		return TUI_REDRAW;
	case KEY_DOWN:
		if (!textedit_down(&t->text, 1))
			return t->item + 1 < section_of(t)->nitems ? next_item(t, false) : TUI_NONE;
		return TUI_REDRAW;
	case KEY_PPAGE:
		textedit_up(&t->text, page_lines);
		return TUI_REDRAW;
	case KEY_NPAGE:
		textedit_down(&t->text, page_lines);
		return TUI_REDRAW;
	case KEY_HOME:
		textedit_home(&t->text);
		return TUI_REDRAW;
	case KEY_END:
		textedit_end(&t->text);
		return TUI_REDRAW;
	case KEY_ENTER:
		return tui_page_insert(t, "\n", 1);
	case KEY_F(4):
		return tui_page_external_editor(t);
	default:
		return TUI_NONE;
	}
}

enum tui_reaction tui_page_key(struct tui *t, struct tui_key key)
{
	return table_at(t, t->item) ? table_key(t, key) : text_key(t, key);
}

/* Typed or pasted characters into the table: digits fill the cell under
 * the cursor; in a paste (from a spreadsheet, say) a tab moves to the next
 * cell and a line break to the next row, back at the first column pasted.
 * The first character that cannot go in stops the rest, with a message,
 * so "12 34" never becomes 1234. */
static enum tui_reaction table_insert(struct tui *t, const char *utf8, size_t len)
{
	enum tui_reaction r = TUI_NONE;
	size_t start_column = t->column, i = 0;
	while (i < len) {
		uint32_t cp;
		bool ok, refused;
		size_t at = i;
		i += utf8_decode(utf8 + i, len - i, &cp, &ok);
		if (cp == '\t' || cp == '\n') {
			tui_page_commit(t);
			r |= cp == '\t' ? move_tab(t, false) : move_vertically(t, 1, 1);
			const struct form_table *tab = table_at(t, t->item);
			if (!tab) {
				if (i < len)
					tui_message(t, TUI_MESSAGE_ERROR,
						    "粘贴的内容超出了表格，其余部分没有填入");
				return r | TUI_REDRAW;
			}
			if (cp == '\n')
				t->column = start_column < tab->columns->ncolumns ? start_column : 0;
			continue;
		}
		if (cp == '?' && !t->number_editing && len == 1) {
			t->help = true;
			return r | TUI_REDRAW;
		}
		r |= type_digit(t, cp, &refused);
		if (refused) {
			if (i < len) {
				char *why = xstrdup(t->message ? t->message : "");
				tui_message(t, TUI_MESSAGE_ERROR, "%s；从“%.*s”起粘贴的内容没有填入", why,
					    (int)(i - at), utf8 + at);
				free(why);
			}
			return r | TUI_REDRAW;
		}
	}
	return r;
}

enum tui_reaction tui_page_insert(struct tui *t, const char *utf8, size_t len)
{
	if (table_at(t, t->item))
		return table_insert(t, utf8, len);
	if (!t->text_open)
		open_text(t);
	switch (textedit_insert(&t->text, utf8, len)) {
	case TEXTEDIT_OK:
		return text_changed(t);
	case TEXTEDIT_TOO_LONG:
		tui_message(t, TUI_MESSAGE_ERROR, "这段文字已到上限（%zu 字），没有再加入",
			    t->form->types[FORM_TEXT].max_chars);
		return TUI_REDRAW;
	default:
		tui_message(t, TUI_MESSAGE_ERROR, "输入中有控制字符，没有加入");
		return TUI_REDRAW;
	}
}

/* ---- the external editor ------------------------------------------------------- */

/* Runs the clerk's editor on path without a shell; false if none ran.
 * Like system(), the form ignores Ctrl-C and Ctrl-\ meanwhile: they are
 * the editor's, and the terminal is in its normal mode. */
static bool run_editor(const char *path)
{
	const char *chosen = getenv("VISUAL");
	if (!chosen || !*chosen)
		chosen = getenv("EDITOR");
	char *words = xstrdup(chosen && *chosen ? chosen : "");
	char *argv[16];
	int argc = 0;
	for (char *w = strtok(words, " \t"); w && argc < 14; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	struct sigaction ignore = {.sa_handler = SIG_IGN}, old_int, old_quit;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		static const int defaults[] = {SIGINT, SIGQUIT, SIGPIPE, SIGHUP, SIGTERM};
		for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
			signal(defaults[i], SIG_DFL);
		static const char *const fallbacks[] = {"editor", "nano", "vi"};
		if (argc) {
			argv[argc] = (char *)path;
			argv[argc + 1] = NULL;
			execvp(argv[0], argv);
		}
		for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
			execlp(fallbacks[i], fallbacks[i], path, (char *)NULL);
		_exit(127);
	}
	free(words);
	int status = 0;
	bool waited = false;
	if (pid > 0) {
		while (!(waited = waitpid(pid, &status, 0) == pid) && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return waited && WIFEXITED(status) && WEXITSTATUS(status) != 127;
}

/* The text an editor wrote: line ends as LF (CRLF and a lone CR both),
 * no trailing line breaks. */
static size_t normalize_editor_text(char *data, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\r') {
			if (i + 1 < len && data[i + 1] == '\n')
				continue;
			data[w++] = '\n';
		} else {
			data[w++] = data[i];
		}
	}
	while (w && data[w - 1] == '\n')
		w--;
	data[w] = '\0';
	return w;
}

enum tui_reaction tui_page_external_editor(struct tui *t)
{
	char path[] = "/tmp/nianbao-text-XXXXXX.txt";
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		tui_message(t, TUI_MESSAGE_ERROR, "无法建立临时文件：%s", strerror(errno));
		return TUI_REDRAW;
	}
	const struct buf *text = &t->text.text;
	bool written = write(fd, text->data, text->len) == (ssize_t)text->len;
	close(fd);
	tui_bracketed_paste(false);
	def_prog_mode();
	endwin();
	bool ran = written && run_editor(path);
	reset_prog_mode();
	tui_bracketed_paste(true);
	refresh();
	enum tui_reaction r = TUI_REDRAW;
	size_t max_chars = t->form->types[FORM_TEXT].max_chars;
	FILE *fp = ran ? fopen(path, "rb") : NULL;
	if (!fp) {
		tui_message(t, TUI_MESSAGE_ERROR, "外部编辑器没能运行（请设置 EDITOR 环境变量）");
		unlink(path);
		return r;
	}
	/* a longer file is refused below, as too long */
	size_t cap = max_chars * 4 + 2;
	char *data = xmalloc(cap + 1);
	size_t len = fread(data, 1, cap, fp);
	fclose(fp);
	size_t w = normalize_editor_text(data, len);
	const char *problem = len == cap ? "太长了" : report_text_problem(data, w, max_chars);
	if (problem) {
		/* keep what the clerk wrote: the file stays where it is */
		tui_message(t, TUI_MESSAGE_ERROR, "编辑器里的文字没有采用（%s）；它保存在 %s", problem,
			    path);
		free(data);
		return r;
	}
	size_t cursor = t->text.cursor;
	textedit_fini(&t->text);
	textedit_init(&t->text, data, max_chars, tui_content_width(t) - 2);
	t->text.cursor = cursor <= w ? cursor : w;
	while (t->text.cursor > 0 && ((unsigned char)data[t->text.cursor] & 0xC0) == 0x80)
		t->text.cursor--;
	r = text_changed(t);
	tui_message(t, TUI_MESSAGE_INFO, "已采用外部编辑器里的文字");
	free(data);
	unlink(path);
	return r;
}
