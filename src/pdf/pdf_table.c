/* Table layout; see pdf_table.h.  Column widths: the numbers get what
 * their widest value needs, the label column what its labels need up to
 * two fifths of the width, and the rest is shared out evenly. */
#include "pdf_table.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font_set.h"
#include "form.h"
#include "line_break.h"
#include "pdf_layout.h"
#include "report.h"
#include "xalloc.h"

#define SIZE PDF_TABLE_SIZE
#define LEADING (SIZE * 1.3)
#define PAD_X 3.0
#define PAD_Y 3.0
#define RULE 0.6
#define EM SIZE
/* nesting of row groups given columns of their own */
#define GROUP_LEVELS 4

enum align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

/* A cell's text broken into lines for its width. */
struct cell_text {
	uint32_t *cps;
	size_t n;
	size_t *starts;
	size_t nlines;
	double indent;
	enum align align;
};

static void cell_text_init(struct cell_text *c, struct font_set *fonts, const char *s, double width,
			   double indent, enum align align)
{
	c->cps = pdf_decode(s, strlen(s), &c->n);
	c->indent = indent;
	c->align = align;
	double *w = xmalloc((c->n ? c->n : 1) * sizeof *w);
	pdf_text_widths(fonts, FONT_ROLE_TABLE, SIZE, c->cps, c->n, 0, w);
	c->nlines = line_break_lines(c->cps, w, c->n, width - 2 * PAD_X - indent,
				     LINE_BREAK_SPACES_HANG, &c->starts);
	free(w);
}

/* Like cell_text_init for a header label whose break points the form
 * gives (breaks: the label with "|" between its words, form.h): lines
 * are filled with whole words; a word wider than the cell, which the
 * column widths avoid, is broken where line breaking allows. */
static void cell_text_init_words(struct cell_text *c, struct font_set *fonts, const char *label,
				 const char *breaks, double width)
{
	if (!breaks) {
		cell_text_init(c, fonts, label, width, 0, ALIGN_CENTER);
		return;
	}
	size_t nb;
	uint32_t *marked = pdf_decode(breaks, strlen(breaks), &nb);
	c->cps = xmalloc((nb ? nb : 1) * sizeof *c->cps);
	bool *word_start = xcalloc(nb + 1, sizeof *word_start);
	c->n = 0;
	for (size_t i = 0; i < nb; i++) {
		if (marked[i] == '|')
			word_start[c->n] = true;
		else
			c->cps[c->n++] = marked[i];
	}
	free(marked);
	c->indent = 0;
	c->align = ALIGN_CENTER;
	double *w = xmalloc((c->n ? c->n : 1) * sizeof *w);
	pdf_text_widths(fonts, FONT_ROLE_TABLE, SIZE, c->cps, c->n, 0, w);
	double room = width - 2 * PAD_X, line = 0, word = 0;
	bool fits = true;
	for (size_t i = 0; i <= c->n; i++) {
		if (i == c->n || word_start[i]) {
			fits = fits && word <= room + 0.01;
			word = 0;
		}
		if (i < c->n)
			word += w[i];
	}
	if (!fits) {
		free(w);
		free(word_start);
		free(c->cps);
		cell_text_init(c, fonts, label, width, 0, ALIGN_CENTER);
		return;
	}
	c->starts = xmalloc((c->n ? c->n : 1) * sizeof *c->starts);
	c->nlines = 0;
	for (size_t i = 0; i < c->n;) {
		size_t end = i + 1;
		while (end < c->n && !word_start[end])
			end++;
		word = 0;
		for (size_t k = i; k < end; k++)
			word += w[k];
		if (c->nlines == 0 || line + word > room + 0.01) {
			c->starts[c->nlines++] = i;
			line = 0;
		}
		line += word;
		i = end;
	}
	free(w);
	free(word_start);
}

/* The widest word of a header label (the whole label when the form gives
 * it no break points), which its column must hold on one line. */
static double widest_word(struct font_set *fonts, const struct form *f, const char *label)
{
	const char *breaks = form_label_breaks(f, label);
	const char *s = breaks ? breaks : label;
	size_t n;
	uint32_t *cps = pdf_decode(s, strlen(s), &n);
	double widest = 0, word = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || cps[i] == '|') {
			if (word > widest)
				widest = word;
			word = 0;
			continue;
		}
		word += pdf_text_width(fonts, FONT_ROLE_TABLE, SIZE, cps + i, 1, 0);
	}
	free(cps);
	return widest;
}

static void cell_text_fini(struct cell_text *c)
{
	free(c->cps);
	free(c->starts);
}

static double cell_text_height(const struct cell_text *c)
{
	return (double)(c->nlines ? c->nlines : 1) * LEADING + 2 * PAD_Y;
}

/* Draws the cell's rectangle (top at y, in flow coordinates) and its
 * text, centred vertically. */
static void draw_cell(struct pdf_flow *flow, const struct cell_text *c, double x, double w,
		      double y, double h)
{
	struct pdf_page *page = flow->page;
	double top = PDF_PAGE_HEIGHT - y, bottom = top - h;
	pdf_page_add_rule(page, x, top, x + w, top, RULE);
	pdf_page_add_rule(page, x, bottom, x + w, bottom, RULE);
	pdf_page_add_rule(page, x, top, x, bottom, RULE);
	pdf_page_add_rule(page, x + w, top, x + w, bottom, RULE);
	if (!c)
		return;
	double text_h = (double)c->nlines * LEADING;
	double line_top = y + (h - text_h) / 2;
	for (size_t k = 0; k < c->nlines; k++) {
		size_t from = c->starts[k], to = k + 1 < c->nlines ? c->starts[k + 1] : c->n;
		double lw = pdf_text_width(flow->fonts, FONT_ROLE_TABLE, SIZE, c->cps + from,
					   to - from, 0);
		double lx = x + PAD_X + c->indent;
		if (c->align == ALIGN_CENTER)
			lx = x + (w - lw) / 2;
		else if (c->align == ALIGN_RIGHT)
			lx = x + w - PAD_X - lw;
		double baseline = line_top + (double)k * LEADING + LEADING / 2 + 0.36 * SIZE;
		pdf_page_add_text(page, flow->fonts, FONT_ROLE_TABLE, SIZE, lx,
				  PDF_PAGE_HEIGHT - baseline, c->cps + from, to - from, 0);
	}
}

/* A column as printed: a form column, or, in a table the form prints as
 * one row (print: one_row), a form column under one of its rows. */
struct printed_column {
	const char *label;
	const char *groups[8]; /* header groups above the label, outermost first */
	size_t ngroups;
	size_t row;    /* one_row tables: the row the value is of */
	size_t column; /* the form column */
};

struct printed {
	struct printed_column *columns;
	size_t count;
	bool one_row; /* no label column; one row of values */
};

static void printed_add_groups(struct printed_column *pc, const char *const *groups, size_t n)
{
	for (size_t g = 0; g < n && pc->ngroups < sizeof pc->groups / sizeof pc->groups[0]; g++)
		pc->groups[pc->ngroups++] = groups[g];
}

static void printed_init(struct printed *p, const struct form_table *t, bool one_row)
{
	const struct form_column_set *cols = t->columns;
	p->one_row = one_row;
	size_t leaves = 0;
	for (size_t i = 0; i < t->nrows; i++)
		leaves += !t->rows[i].group;
	p->count = p->one_row ? leaves * cols->ncolumns : cols->ncolumns;
	p->columns = xcalloc(p->count ? p->count : 1, sizeof *p->columns);
	size_t k = 0;
	for (size_t i = 0; i < (p->one_row ? t->nrows : 1); i++) {
		if (p->one_row && t->rows[i].group)
			continue;
		/* the row's groups and its own label head its columns */
		const char *path[8];
		size_t depth = 0;
		if (p->one_row) {
			for (size_t at = i; at != FORM_NONE && depth < 8; at = t->rows[at].parent)
				path[depth++] = t->rows[at].label;
			for (size_t a = 0; a < depth / 2; a++) {
				const char *swap = path[a];
				path[a] = path[depth - 1 - a];
				path[depth - 1 - a] = swap;
			}
		}
		for (size_t c = 0; c < cols->ncolumns; c++, k++) {
			struct printed_column *pc = &p->columns[k];
			pc->label = cols->columns[c].label;
			pc->row = i;
			pc->column = c;
			printed_add_groups(pc, path, depth);
			printed_add_groups(pc, (const char *const *)cols->columns[c].groups,
					   cols->columns[c].ngroups);
		}
	}
}

/* True when columns a and b share their header groups down to level. */
static bool same_groups(const struct printed_column *a, const struct printed_column *b,
			size_t level)
{
	if (a->ngroups <= level || b->ngroups <= level)
		return false;
	for (size_t l = 0; l <= level; l++)
		if (strcmp(a->groups[l], b->groups[l]) != 0)
			return false;
	return true;
}

static double string_width(struct font_set *fonts, const char *s)
{
	size_t n;
	uint32_t *cps = pdf_decode(s, strlen(s), &n);
	double w = pdf_text_width(fonts, FONT_ROLE_TABLE, SIZE, cps, n, 0);
	free(cps);
	return w;
}

/* The cell of printed column pc in form row row. */
static size_t printed_cell(const struct form_table *t, const struct printed *p,
			   const struct printed_column *pc, size_t row)
{
	return t->rows[p->one_row ? pc->row : row].first_cell + pc->column;
}

/* The width of the column of the row groups at level (table 三's
 * 三、本年度办理结果 two characters wide, （三）不予公开 three). */
static double group_column(size_t level)
{
	return (level == 0 ? 2 : 3) * EM + 2 * PAD_X;
}

/* Column edges: x[0] is the left of the label column, x[c + 1] the right
 * of printed column c (a one-row table has no label column: x[1] = x[0]). */
static double *layout_columns(struct font_set *fonts, const struct form_table *t,
			      const struct printed *p, const struct report *r)
{
	size_t nc = p->count;
	double *need = xcalloc(nc ? nc : 1, sizeof *need);
	for (size_t c = 0; c < nc; c++) {
		need[c] = 2 * EM + 2 * PAD_X;
		/* its header label on lines of whole words (up to a point) */
		double word = widest_word(fonts, r->form, p->columns[c].label);
		if (word > 6 * EM)
			word = 6 * EM;
		if (word + 2 * PAD_X > need[c])
			need[c] = word + 2 * PAD_X;
		for (size_t i = 0; i < (p->one_row ? 1 : t->nrows); i++) {
			if (!p->one_row && t->rows[i].group)
				continue;
			char num[32];
			report_format_number(r, printed_cell(t, p, &p->columns[c], i), num);
			double w = string_width(fonts, num) + 2 * PAD_X;
			if (w > need[c])
				need[c] = w;
		}
	}
	double total = PDF_BLOCK_WIDTH, label = 0;
	if (!p->one_row) {
		bool nested = false;
		for (size_t i = 0; i < t->nrows; i++)
			nested |= t->rows[i].depth > 0;
		for (size_t i = 0; i < t->nrows; i++) {
			if (nested && t->rows[i].group)
				continue; /* its label has a column of its own */
			double w = string_width(fonts, t->rows[i].label) + 2 * PAD_X;
			for (size_t l = 0; l < t->rows[i].depth; l++)
				w += group_column(l);
			if (w > label)
				label = w;
		}
		if (label < total / (double)(nc + 1))
			label = total / (double)(nc + 1);
		/* the groups' columns take from the labels: give them more */
		if (label > total * (nested ? 0.5 : 0.4))
			label = total * (nested ? 0.5 : 0.4);
		/* numbers first: a wide number shrinks the label column */
		double sum_need = 0;
		for (size_t c = 0; c < nc; c++)
			sum_need += need[c];
		if (label > total - sum_need)
			label = total - sum_need > 5 * EM ? total - sum_need : 5 * EM;
	}
	double *width = xcalloc(nc ? nc : 1, sizeof *width);
	double rest = total - label;
	size_t open = nc;
	bool *fixed = xcalloc(nc ? nc : 1, sizeof *fixed);
	for (int changed = 1; changed && open > 0;) {
		changed = 0;
		double share = rest / (double)open;
		for (size_t c = 0; c < nc; c++)
			if (!fixed[c] && need[c] > share) {
				fixed[c] = true;
				width[c] = need[c];
				rest -= need[c];
				open--;
				changed = 1;
			}
	}
	for (size_t c = 0; c < nc; c++)
		if (!fixed[c])
			width[c] = rest / (double)open;
	double *x = xmalloc((nc + 2) * sizeof *x);
	x[0] = PDF_BLOCK_LEFT;
	x[1] = PDF_BLOCK_LEFT + label;
	for (size_t c = 0; c < nc; c++)
		x[c + 2] = x[c + 1] + width[c];
	free(fixed);
	free(width);
	free(need);
	return x;
}

/* The printed columns and their edges: the form's one-row layout when
 * its numbers fit across the text block, else a row per form row. */
static double *layout_table(struct font_set *fonts, const struct form_table *t,
			    const struct report *r, struct printed *p)
{
	printed_init(p, t, t->print_one_row);
	double *x = layout_columns(fonts, t, p, r);
	if (p->one_row && x[p->count + 1] > PDF_BLOCK_LEFT + PDF_BLOCK_WIDTH + 0.01) {
		free(x);
		free(p->columns);
		printed_init(p, t, false);
		x = layout_columns(fonts, t, p, r);
	}
	return x;
}

/* A header cell spans columns [c0, c1) (0 is the label column) and
 * header rows [r0, r1). */
struct header_cell {
	size_t c0, c1, r0, r1;
	struct cell_text text;
};

struct header {
	struct header_cell *cells;
	size_t count, cap;
	double *heights; /* per header row */
	size_t rows;
};

static void header_add(struct header *h, struct font_set *fonts, const struct form *f,
		       const double *x, size_t c0, size_t c1, size_t r0, size_t r1,
		       const char *text)
{
	h->cells = xgrow(h->cells, &h->cap, h->count + 1, sizeof *h->cells);
	struct header_cell *cell = &h->cells[h->count++];
	cell->c0 = c0;
	cell->c1 = c1;
	cell->r0 = r0;
	cell->r1 = r1;
	cell_text_init_words(&cell->text, fonts, text, form_label_breaks(f, text), x[c1] - x[c0]);
}

static void header_build(struct header *h, struct font_set *fonts, const struct form *f,
			 const struct form_table *t, const struct printed *p, const double *x)
{
	size_t levels = 0, nc = p->count;
	for (size_t c = 0; c < nc; c++)
		if (p->columns[c].ngroups > levels)
			levels = p->columns[c].ngroups;
	size_t first = t->title ? 1 : 0;
	memset(h, 0, sizeof *h);
	h->rows = first + levels + 1;
	if (t->title)
		header_add(h, fonts, f, x, 0, nc + 1, 0, 1, t->title);
	if (!p->one_row)
		header_add(h, fonts, f, x, 0, 1, first, h->rows,
			   t->label_header ? t->label_header : "");
	for (size_t c = 0; c < nc; c++) {
		const struct printed_column *col = &p->columns[c];
		for (size_t l = 0; l < col->ngroups; l++) {
			if (c > 0 && same_groups(&p->columns[c - 1], col, l))
				continue; /* inside the span begun to the left */
			size_t end = c + 1;
			while (end < nc && same_groups(col, &p->columns[end], l))
				end++;
			header_add(h, fonts, f, x, c + 1, end + 1, first + l, first + l + 1,
				   col->groups[l]);
		}
		header_add(h, fonts, f, x, c + 1, c + 2, first + col->ngroups, h->rows, col->label);
	}
	/* row heights: single-row cells first, then spans stretch their last row */
	h->heights = xcalloc(h->rows, sizeof *h->heights);
	for (size_t r = 0; r < h->rows; r++)
		h->heights[r] = LEADING + 2 * PAD_Y;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < h->count; i++) {
			struct header_cell *cell = &h->cells[i];
			if ((cell->r1 - cell->r0 == 1) != (pass == 0))
				continue;
			double have = 0;
			for (size_t r = cell->r0; r < cell->r1; r++)
				have += h->heights[r];
			double want = cell_text_height(&cell->text);
			if (want > have)
				h->heights[cell->r1 - 1] += want - have;
		}
}

static double header_height(const struct header *h)
{
	double sum = 0;
	for (size_t r = 0; r < h->rows; r++)
		sum += h->heights[r];
	return sum;
}

static void header_draw(struct pdf_flow *flow, const struct header *h, const double *x)
{
	for (size_t i = 0; i < h->count; i++) {
		const struct header_cell *cell = &h->cells[i];
		double top = flow->y, height = 0;
		for (size_t r = 0; r < cell->r0; r++)
			top += h->heights[r];
		for (size_t r = cell->r0; r < cell->r1; r++)
			height += h->heights[r];
		draw_cell(flow, &cell->text, x[cell->c0], x[cell->c1] - x[cell->c0], top, height);
	}
	flow->y += header_height(h);
}

static void header_fini(struct header *h)
{
	for (size_t i = 0; i < h->count; i++)
		cell_text_fini(&h->cells[i].text);
	free(h->cells);
	free(h->heights);
}

/* The rows of a table as printed: a one-row table's single row, or the
 * form's rows.  In a table whose rows nest (table 三), a group is not a
 * row of its own but a cell spanning its rows in a column of its level,
 * as in the sample of 国办公开办函〔2021〕30号; a row's label then spans
 * the label columns from its level on. */
struct body {
	const struct form_table *t;
	const struct printed *p;
	const double *x;
	size_t levels;		     /* group columns left of the labels (0: none) */
	double gx[GROUP_LEVELS + 1]; /* their left edges; gx[levels]: the labels' */
};

static void body_init(struct body *b, const struct form_table *t, const struct printed *p,
		      const double *x)
{
	memset(b, 0, sizeof *b);
	b->t = t;
	b->p = p;
	b->x = x;
	for (size_t i = 0; !p->one_row && i < t->nrows; i++)
		if (t->rows[i].depth > b->levels && t->rows[i].depth <= GROUP_LEVELS)
			b->levels = t->rows[i].depth;
	b->gx[0] = x[0];
	for (size_t d = 0; d < b->levels; d++)
		b->gx[d + 1] = b->gx[d] + group_column(d);
	if (b->levels && b->gx[b->levels] > x[1] - 4 * EM) {
		b->levels = 0; /* labels too narrow for the groups' columns */
		b->gx[0] = x[0];
	}
}

/* The number of printed rows; row k of them is form row body_row(b, k). */
static size_t body_rows(const struct body *b)
{
	if (b->p->one_row)
		return 1;
	size_t n = 0;
	for (size_t i = 0; i < b->t->nrows; i++)
		n += !(b->levels && b->t->rows[i].group);
	return n;
}

static size_t body_row(const struct body *b, size_t k)
{
	if (b->p->one_row)
		return 0;
	for (size_t i = 0; i < b->t->nrows; i++)
		if (!(b->levels && b->t->rows[i].group) && k-- == 0)
			return i;
	return b->t->nrows;
}

/* Left edge of form row i's label, and its indent when groups do not
 * have columns. */
static double label_left(const struct body *b, size_t i, double *indent)
{
	size_t d = b->t->rows[i].depth;
	*indent = b->levels ? 0 : (double)d * EM;
	return b->levels ? b->gx[d < b->levels ? d : b->levels] : b->x[0];
}

static void label_init(const struct body *b, struct font_set *fonts, size_t i,
		       struct cell_text *label)
{
	double indent, left = label_left(b, i, &indent);
	cell_text_init(label, fonts, b->t->rows[i].label, b->x[1] - left, indent, ALIGN_LEFT);
}

static double row_height(const struct body *b, struct font_set *fonts, size_t i)
{
	if (b->p->one_row)
		return LEADING + 2 * PAD_Y;
	struct cell_text label;
	label_init(b, fonts, i, &label);
	double h = cell_text_height(&label);
	cell_text_fini(&label);
	return h;
}

/* A table never starts with fewer than this many of its rows on a page. */
#define LEAD_ROWS 3

static double group_label_height(const struct body *b, struct font_set *fonts, size_t group)
{
	size_t l = b->t->rows[group].depth;
	struct cell_text text;
	cell_text_init(&text, fonts, b->t->rows[group].label, b->gx[l + 1] - b->gx[l], 0,
		       ALIGN_CENTER);
	double h = cell_text_height(&text);
	cell_text_fini(&text);
	return h;
}

static bool is_ancestor(const struct form_table *t, size_t group, size_t i)
{
	for (size_t at = t->rows[i].parent; at != FORM_NONE; at = t->rows[at].parent)
		if (at == group)
			return true;
	return false;
}

/* The height from the top of printed row k down to where everything
 * that starts with it ends: the row, and the labels of the groups that
 * open with it. */
static double row_need(const struct body *b, struct font_set *fonts, size_t k)
{
	size_t i = body_row(b, k);
	double need = row_height(b, fonts, i);
	if (b->p->one_row)
		return need;
	size_t before = k > 0 ? body_row(b, k - 1) : FORM_NONE;
	for (size_t at = b->t->rows[i].parent; at != FORM_NONE; at = b->t->rows[at].parent) {
		if (b->t->rows[at].depth >= b->levels ||
		    (before != FORM_NONE && is_ancestor(b->t, at, before)))
			continue;
		double h = group_label_height(b, fonts, at);
		if (h > need)
			need = h;
	}
	return need;
}

/* The first LEAD_ROWS rows, and what opens with them. */
static double lead_rows_height(const struct body *b, struct font_set *fonts)
{
	double above = 0, lead = 0;
	size_t n = body_rows(b);
	for (size_t k = 0; k < n && k < LEAD_ROWS; k++) {
		double need = above + row_need(b, fonts, k);
		if (need > lead)
			lead = need;
		above += row_height(b, fonts, body_row(b, k));
	}
	return lead;
}

double pdf_table_lead_height(struct font_set *fonts, const struct form_table *t,
			     const struct report *r)
{
	struct printed p;
	double *x = layout_table(fonts, t, r, &p);
	struct header header;
	header_build(&header, fonts, r->form, t, &p, x);
	struct body b;
	body_init(&b, t, &p, x);
	double h = header_height(&header) + lead_rows_height(&b, fonts);
	header_fini(&header);
	free(x);
	free(p.columns);
	return h;
}

/* The group cells open at each level: the group row and where its cell
 * began on this page. */
struct groups {
	size_t row[GROUP_LEVELS];
	double top[GROUP_LEVELS];
	bool labelled[GROUP_LEVELS]; /* its label printed on an earlier page */
	size_t closed[GROUP_LEVELS]; /* the group last drawn at each level */
};

/* Draws the open group cells from level d inwards, down to the flow's y.
 * A cell too short for its label (the rest of a group carried over to
 * the next page) is drawn without it when the label was printed before. */
static void groups_close(struct groups *g, const struct body *b, struct pdf_flow *flow, size_t d)
{
	for (size_t l = d; l < b->levels; l++) {
		if (g->row[l] == FORM_NONE)
			continue;
		struct cell_text text;
		cell_text_init(&text, flow->fonts, b->t->rows[g->row[l]].label,
			       b->gx[l + 1] - b->gx[l], 0, ALIGN_CENTER);
		double h = flow->y - g->top[l];
		bool fits = cell_text_height(&text) <= h + 0.01;
		draw_cell(flow, fits || !g->labelled[l] ? &text : NULL, b->gx[l],
			  b->gx[l + 1] - b->gx[l], g->top[l], h);
		cell_text_fini(&text);
		g->closed[l] = g->row[l];
		g->row[l] = FORM_NONE;
	}
}

/* Opens the group cells of form row i's ancestors that are not open. */
static void groups_open(struct groups *g, const struct body *b, struct pdf_flow *flow, size_t i)
{
	size_t chain[GROUP_LEVELS], depth = b->t->rows[i].depth;
	if (depth > b->levels)
		depth = b->levels;
	size_t at = b->t->rows[i].parent;
	for (size_t l = depth; l-- > 0;) {
		chain[l] = at;
		at = at == FORM_NONE ? FORM_NONE : b->t->rows[at].parent;
	}
	for (size_t l = 0; l < b->levels; l++) {
		size_t want = l < depth ? chain[l] : FORM_NONE;
		if (g->row[l] == want)
			continue;
		groups_close(g, b, flow, l);
		for (size_t k = l; k < depth; k++) {
			g->row[k] = chain[k];
			g->top[k] = flow->y;
			g->labelled[k] = g->closed[k] == chain[k];
		}
		break;
	}
}

/* One printed row of values, form row i (unused in a one-row table). */
static void add_row(struct pdf_flow *flow, const struct body *b, size_t i, double h,
		    const struct report *r)
{
	const struct form_table *t = b->t;
	const struct printed *p = b->p;
	const double *x = b->x;
	const struct form_row *row = p->one_row ? NULL : &t->rows[i];
	if (row) {
		struct cell_text label;
		label_init(b, flow->fonts, i, &label);
		double indent, left = label_left(b, i, &indent);
		draw_cell(flow, &label, left, x[1] - left, flow->y, h);
		cell_text_fini(&label);
	}
	for (size_t c = 0; c < p->count; c++) {
		if (row && row->group) {
			draw_cell(flow, NULL, x[c + 1], x[c + 2] - x[c + 1], flow->y, h);
			continue;
		}
		char num[32];
		report_format_number(r, printed_cell(t, p, &p->columns[c], i), num);
		struct cell_text value;
		/* numbers never wrap; they are right-aligned in their column */
		cell_text_init(&value, flow->fonts, num, 1e6, 0, ALIGN_RIGHT);
		draw_cell(flow, &value, x[c + 1], x[c + 2] - x[c + 1], flow->y, h);
		cell_text_fini(&value);
	}
	flow->y += h;
}

void pdf_table_add(struct pdf_flow *flow, const struct form_table *t, const struct report *r)
{
	struct printed p;
	double *x = layout_table(flow->fonts, t, r, &p);
	struct header header;
	header_build(&header, flow->fonts, r->form, t, &p, x);
	struct body b;
	body_init(&b, t, &p, x);
	struct groups g;
	for (size_t l = 0; l < GROUP_LEVELS; l++)
		g.row[l] = g.closed[l] = FORM_NONE;
	size_t rows = body_rows(&b);
	for (size_t k = 0; k < rows; k++) {
		size_t i = body_row(&b, k);
		double h = row_height(&b, flow->fonts, i);
		/* the header never ends a page: the first rows go with it; nor
		 * does a group's label lack the room it needs */
		double need = row_need(&b, flow->fonts, k);
		if (k == 0) {
			pdf_flow_need(flow,
				      header_height(&header) + lead_rows_height(&b, flow->fonts));
			header_draw(flow, &header, x);
		} else if (need > pdf_flow_room(flow) + 0.01) {
			groups_close(&g, &b, flow, 0);
			pdf_flow_break(flow);
			header_draw(flow, &header, x);
		}
		if (!p.one_row)
			groups_open(&g, &b, flow, i);
		add_row(flow, &b, i, h, r);
	}
	groups_close(&g, &b, flow, 0);
	header_fini(&header);
	free(x);
	free(p.columns);
}
