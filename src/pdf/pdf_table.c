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
#include "value.h"
#include "xalloc.h"

#define SIZE PDF_TABLE_SIZE
#define LEADING (SIZE * 1.3)
#define PAD_X 3.0
#define PAD_Y 3.0
#define RULE 0.6
#define EM SIZE

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

static void format_number(const struct report *r, size_t cell, char out[32])
{
	if (r->form->cells[cell].type == FORM_MONEY)
		value_format_money(r->numbers[cell], out);
	else
		snprintf(out, 32, "%" PRId64, r->numbers[cell]);
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

/* Column edges: x[0] is the left of the label column, x[c + 1] the right
 * of printed column c (a one-row table has no label column: x[1] = x[0]). */
static double *layout_columns(struct font_set *fonts, const struct form_table *t,
			      const struct printed *p, const struct report *r)
{
	size_t nc = p->count;
	double *need = xcalloc(nc ? nc : 1, sizeof *need);
	for (size_t c = 0; c < nc; c++) {
		need[c] = 2 * EM + 2 * PAD_X;
		for (size_t i = 0; i < (p->one_row ? 1 : t->nrows); i++) {
			if (!p->one_row && t->rows[i].group)
				continue;
			char num[32];
			format_number(r, printed_cell(t, p, &p->columns[c], i), num);
			double w = string_width(fonts, num) + 2 * PAD_X;
			if (w > need[c])
				need[c] = w;
		}
	}
	double total = PDF_BLOCK_WIDTH, label = 0;
	if (!p->one_row) {
		for (size_t i = 0; i < t->nrows; i++) {
			double w = (double)t->rows[i].depth * EM +
				   string_width(fonts, t->rows[i].label) + 2 * PAD_X;
			if (w > label)
				label = w;
		}
		if (label < total / (double)(nc + 1))
			label = total / (double)(nc + 1);
		if (label > total * 0.4)
			label = total * 0.4;
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

static void header_add(struct header *h, struct font_set *fonts, const double *x, size_t c0,
		       size_t c1, size_t r0, size_t r1, const char *text)
{
	h->cells = xgrow(h->cells, &h->cap, h->count + 1, sizeof *h->cells);
	struct header_cell *cell = &h->cells[h->count++];
	cell->c0 = c0;
	cell->c1 = c1;
	cell->r0 = r0;
	cell->r1 = r1;
	cell_text_init(&cell->text, fonts, text, x[c1] - x[c0], 0, ALIGN_CENTER);
}

static void header_build(struct header *h, struct font_set *fonts, const struct form_table *t,
			 const struct printed *p, const double *x)
{
	size_t levels = 0, nc = p->count;
	for (size_t c = 0; c < nc; c++)
		if (p->columns[c].ngroups > levels)
			levels = p->columns[c].ngroups;
	size_t first = t->title ? 1 : 0;
	memset(h, 0, sizeof *h);
	h->rows = first + levels + 1;
	if (t->title)
		header_add(h, fonts, x, 0, nc + 1, 0, 1, t->title);
	if (!p->one_row)
		header_add(h, fonts, x, 0, 1, first, h->rows,
			   t->label_header ? t->label_header : "");
	for (size_t c = 0; c < nc; c++) {
		const struct printed_column *col = &p->columns[c];
		for (size_t l = 0; l < col->ngroups; l++) {
			if (c > 0 && same_groups(&p->columns[c - 1], col, l))
				continue; /* inside the span begun to the left */
			size_t end = c + 1;
			while (end < nc && same_groups(col, &p->columns[end], l))
				end++;
			header_add(h, fonts, x, c + 1, end + 1, first + l, first + l + 1,
				   col->groups[l]);
		}
		header_add(h, fonts, x, c + 1, c + 2, first + col->ngroups, h->rows, col->label);
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

double pdf_table_lead_height(struct font_set *fonts, const struct form_table *t,
			     const struct report *r)
{
	struct printed p;
	double *x = layout_table(fonts, t, r, &p);
	struct header header;
	header_build(&header, fonts, t, &p, x);
	double h = header_height(&header);
	if (p.one_row) {
		h += LEADING + 2 * PAD_Y;
	} else if (t->nrows > 0) {
		struct cell_text label;
		cell_text_init(&label, fonts, t->rows[0].label, x[1] - x[0],
			       (double)t->rows[0].depth * EM, ALIGN_LEFT);
		h += cell_text_height(&label);
		cell_text_fini(&label);
	}
	header_fini(&header);
	free(x);
	free(p.columns);
	return h;
}

/* One row of values; label is NULL in a one-row table. */
static void add_row(struct pdf_flow *flow, const struct form_table *t, const struct printed *p,
		    const double *x, const struct header *header, size_t i, bool first,
		    const struct report *r)
{
	const struct form_row *row = p->one_row ? NULL : &t->rows[i];
	struct cell_text label = {0};
	double h = LEADING + 2 * PAD_Y;
	if (row) {
		cell_text_init(&label, flow->fonts, row->label, x[1] - x[0],
			       (double)row->depth * EM, ALIGN_LEFT);
		h = cell_text_height(&label);
	}
	/* the header never ends a page: it goes with the first row */
	if (first) {
		pdf_flow_need(flow, header_height(header) + h);
		header_draw(flow, header, x);
	} else if (h > pdf_flow_room(flow)) {
		pdf_flow_break(flow);
		header_draw(flow, header, x);
	}
	if (row)
		draw_cell(flow, &label, x[0], x[1] - x[0], flow->y, h);
	for (size_t c = 0; c < p->count; c++) {
		if (row && row->group) {
			draw_cell(flow, NULL, x[c + 1], x[c + 2] - x[c + 1], flow->y, h);
			continue;
		}
		char num[32];
		format_number(r, printed_cell(t, p, &p->columns[c], i), num);
		struct cell_text value;
		/* numbers never wrap; they are right-aligned in their column */
		cell_text_init(&value, flow->fonts, num, 1e6, 0, ALIGN_RIGHT);
		draw_cell(flow, &value, x[c + 1], x[c + 2] - x[c + 1], flow->y, h);
		cell_text_fini(&value);
	}
	flow->y += h;
	if (row)
		cell_text_fini(&label);
}

void pdf_table_add(struct pdf_flow *flow, const struct form_table *t, const struct report *r)
{
	struct printed p;
	double *x = layout_table(flow->fonts, t, r, &p);
	struct header header;
	header_build(&header, flow->fonts, t, &p, x);
	size_t rows = p.one_row ? 1 : t->nrows;
	for (size_t i = 0; i < rows; i++)
		add_row(flow, t, &p, x, &header, i, i == 0, r);
	header_fini(&header);
	free(x);
	free(p.columns);
}
