/* A section page of the form: its items (narrative texts and tables)
 * laid out one under the other, scrolled so the cursor shows, with the
 * section's problems under them.  The items themselves are drawn and
 * driven by tui_table.c and tui_narrative.c; numbers and texts are
 * written to the session as they are typed, so the rules (and the totals
 * the form derives) follow every keystroke.  Laying out finds what to
 * show; drawing only reads it. */
#include "tui_page.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "session.h"
#include "textedit.h"
#include "tui_area.h"
#include "tui_cursor.h"
#include "tui_narrative.h"
#include "tui_problems.h"
#include "tui_put.h"
#include "tui_style.h"
#include "tui_table.h"
#include "utf8.h"
#include "xalloc.h"

#define TEXT_MIN_LINES 6

enum line_kind {
	LINE_BLANK,
	LINE_TITLE,   /* a table's title, e.g. 第二十条第（一）项 */
	LINE_NOTE,    /* a table's top-left header text */
	LINE_GROUPS,  /* index: group level */
	LINE_COLUMNS, /* index: header line */
	LINE_ROW,     /* index: table row */
	LINE_TEXT,    /* index: visual line of the text */
};

/* span lines of the page, their indexes index, index + 1, ...: a text's
 * wrapped lines are one entry, so a long text costs the page nothing */
struct page_line {
	enum line_kind kind;
	size_t item;
	size_t index;
	size_t span;
};

struct page {
	struct page_line *lines; /* entries */
	size_t nentries, cap;
	size_t count; /* lines */
	size_t cursor_line;
	size_t header_first, header_count; /* the cursor table's column headers */
	struct textedit *texts;	      /* per item: the wrapped text of items not being edited */
	struct tui_table_grid *grids; /* per item: the geometry of tables */
	size_t nitems;		      /* of the section laid out */
};

static void add_lines(struct page *p, enum line_kind kind, size_t item, size_t index, size_t span)
{
	p->lines = xgrow(p->lines, &p->cap, p->nentries + 1, sizeof *p->lines);
	p->lines[p->nentries++] = (struct page_line){kind, item, index, span};
	p->count += span;
}

static void add_line(struct page *p, enum line_kind kind, size_t item, size_t index)
{
	add_lines(p, kind, item, index, 1);
}

/* Line `line` of the page. */
static struct page_line page_line_at(const struct page *p, size_t line)
{
	size_t first = 0;
	for (size_t e = 0; e < p->nentries; e++) {
		const struct page_line *l = &p->lines[e];
		if (line < first + l->span)
			return (struct page_line){l->kind, l->item, l->index + (line - first), 1};
		first += l->span;
	}
	return (struct page_line){LINE_BLANK, 0, 0, 1};
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
	const struct form_section *sec = tui_cursor_section(t);
	memset(p, 0, sizeof *p);
	p->nitems = sec->nitems;
	p->texts = xcalloc(sec->nitems, sizeof *p->texts);
	p->grids = xcalloc(sec->nitems, sizeof *p->grids);
	for (size_t i = 0; i < sec->nitems; i++) {
		const struct form_table *tab = tui_cursor_table(t, i);
		if (i > 0)
			add_line(p, LINE_BLANK, i, 0);
		if (!tab) {
			if (!(t->text_open && t->item == i))
				textedit_init(
					&p->texts[i],
					t->session->report->texts[tui_cursor_item(t, i)->index],
					SIZE_MAX, tui_area_content_width(t) - 2);
			size_t n = text_layout(t, p, i)->nlines;
			size_t want = sec->nitems == 1 ? (size_t)(view_height > 0 ? view_height : 1)
						       : TEXT_MIN_LINES;
			if (n < want)
				n = want;
			add_lines(p, LINE_TEXT, i, 0, n);
			if (t->item == i) {
				int col;
				p->cursor_line = p->count - n +
						 (t->text_open
							  ? textedit_cursor_line(&t->text, &col)
							  : 0);
			}
			continue;
		}
		struct tui_table_grid *g = &p->grids[i];
		tui_table_layout(t, tab, g);
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

static void draw_line(struct tui *t, const struct page *p, const struct page_line *line, int y,
		      int x0)
{
	const struct form_table *tab = tui_cursor_table(t, line->item);
	const struct tui_table_grid *g = &p->grids[line->item];
	switch (line->kind) {
	case LINE_TITLE:
		tui_style(t, TUI_STYLE_HEADING);
		tui_put(y, x0, tab->title, tui_area_content_width(t));
		break;
	case LINE_NOTE:
		tui_style(t, TUI_STYLE_DIM);
		tui_put(y, x0, tab->label_header, tui_area_content_width(t));
		break;
	case LINE_GROUPS:
		tui_table_draw_groups(t, tab, g, line->index, y, x0);
		break;
	case LINE_COLUMNS:
		tui_table_draw_labels(t, tab, g, line->index, y, x0);
		break;
	case LINE_ROW:
		tui_table_draw_row(t, tab, g, line->index, line->item == t->item, y, x0);
		break;
	case LINE_TEXT:
		tui_narrative_draw_line(t, text_layout(t, p, line->item), line->index, y, x0);
		break;
	default:
		break;
	}
	tui_style(t, TUI_STYLE_NORMAL);
}

/* Lines of the page above the problem list. */
static int view_height(const struct tui *t, const struct tui_problems *pr)
{
	int height = tui_area_body_height(t) - 1 - pr->lines;
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
	struct tui_problems problems;
	int height;    /* lines of the page above the problem list */
	size_t sticky; /* column headers kept at the top */
};

void tui_page_layout_free(struct tui *t)
{
	struct tui_page_layout *l = t->layout;
	if (!l)
		return;
	page_fini(&l->page);
	tui_problems_fini(&l->problems);
	free(l);
	t->layout = NULL;
}

/* Where the terminal cursor belongs on the laid-out page (for input
 * methods); false when the highlighted cell is the cursor. */
static bool page_cursor(const struct tui *t, const struct tui_page_layout *l, int *y, int *x)
{
	const struct page *p = &l->page;
	*y = tui_area_body_top(t) + 1 + (int)l->sticky + (int)(p->cursor_line - t->scroll);
	if (p->cursor_line < t->scroll || *y >= tui_area_body_top(t) + 1 + l->height)
		return false;
	const struct form_table *tab = tui_cursor_table(t, t->item);
	if (!tab)
		return tui_narrative_cursor(t, x);
	return tui_table_cursor(t, &p->grids[t->item], x);
}

void tui_page_layout(struct tui *t)
{
	tui_page_layout_free(t);
	struct tui_page_layout *l = xcalloc(1, sizeof *l);
	t->layout = l;
	if (t->text_open && t->text.width != tui_area_content_width(t) - 2)
		textedit_set_width(&t->text, tui_area_content_width(t) - 2);
	tui_problems_build(t, &l->problems);
	l->height = view_height(t, &l->problems);
	build_page(t, &l->page, l->height);
	l->sticky = place_scroll(t, &l->page, (size_t)l->height);
	t->cursor_shown = page_cursor(t, l, &t->cursor_y, &t->cursor_x);
}

void tui_page_draw(struct tui *t)
{
	const struct tui_page_layout *l = t->layout;
	const struct page *p = &l->page;
	const struct form_section *sec = tui_cursor_section(t);
	int x0 = tui_area_content_x(t) + 1, top = tui_area_body_top(t);
	tui_style(t, TUI_STYLE_HEADING);
	tui_put(top, x0, sec->heading, tui_area_content_width(t));
	tui_style(t, TUI_STYLE_NORMAL);
	int y = top + 1;
	for (size_t i = 0; i < l->sticky; i++) {
		struct page_line line = page_line_at(p, p->header_first + i);
		draw_line(t, p, &line, y++, x0);
	}
	for (size_t i = t->scroll; i < p->count && y < top + 1 + l->height; i++) {
		struct page_line line = page_line_at(p, i);
		draw_line(t, p, &line, y++, x0);
	}
	tui_problems_draw(t, &l->problems, x0);
	tui_style(t, TUI_STYLE_NORMAL);
}

/* ---- the message line --------------------------------------------------------- */

char *tui_page_status(const struct tui *t, enum tui_message_kind *kind)
{
	const struct session *s = t->session;
	size_t cell = tui_cursor_cell(t);
	const struct rule_failure *f[8];
	size_t n = session_cell_failures(s, cell, f, 8);
	*kind = TUI_MESSAGE_INFO;
	if (n) {
		size_t suggested;
		char *msg = tui_problems_message(t, f[0], &suggested);
		*kind = TUI_MESSAGE_ERROR;
		if (n == 1)
			return msg;
		char *both = xasprintf("%s（本格还涉及另外 %zu 处问题）", msg, n - 1);
		free(msg);
		return both;
	}
	const struct form_cell *c = &t->form->cells[cell];
	if (c->type == FORM_TEXT) {
		/* the open editor keeps its count; a long text is not counted per key */
		size_t chars = t->text_open && t->text_cell == cell
				       ? t->text.chars
				       : utf8_length(s->report->texts[cell],
						     strlen(s->report->texts[cell]));
		return xasprintf("%s：%zu 字", c->label, chars);
	}
	if (rules_cell_is_derived(s->entry->rules, cell))
		return xasprintf("%s（合计：随各项自动计算）", c->label);
	return xstrdup(c->label);
}

/* ---- keys ---------------------------------------------------------------------- */

enum tui_reaction tui_page_key(struct tui *t, struct tui_key key)
{
	return tui_cursor_table(t, t->item) ? tui_table_key(t, key) : tui_narrative_key(t, key);
}

enum tui_reaction tui_page_insert(struct tui *t, const char *utf8, size_t len)
{
	if (tui_cursor_table(t, t->item))
		return tui_table_insert(t, utf8, len);
	return tui_narrative_insert(t, utf8, len);
}
