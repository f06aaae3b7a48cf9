/* The printed layout of a table (render_grid.h), from the form alone. */
#include "render_grid.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "report.h"
#include "xalloc.h"

/* Per row of t: the rows under it that hold values (leaves) and the first
 * of them; and how many label columns the deepest row needs. */
struct row_spans {
	size_t *leaves;
	size_t *first;
	size_t levels;
};

static void row_spans_init(struct row_spans *s, const struct form_table *t)
{
	s->leaves = xcalloc(t->nrows ? t->nrows : 1, sizeof *s->leaves);
	s->first = xmalloc((t->nrows ? t->nrows : 1) * sizeof *s->first);
	s->levels = 1;
	for (size_t i = 0; i < t->nrows; i++)
		s->first[i] = FORM_NONE;
	for (size_t i = 0; i < t->nrows; i++) {
		if (t->rows[i].group)
			continue;
		if (t->rows[i].depth + 1 > s->levels)
			s->levels = t->rows[i].depth + 1;
		for (size_t p = i; p != FORM_NONE; p = t->rows[p].parent) {
			s->leaves[p]++;
			if (s->first[p] == FORM_NONE)
				s->first[p] = i;
		}
	}
}

static void row_spans_fini(struct row_spans *s)
{
	free(s->leaves);
	free(s->first);
}

static struct grid_cell *add_cell(struct render_grid *g, size_t *cap, enum grid_kind kind,
				  size_t row, size_t column, size_t rowspan, size_t colspan,
				  const char *text)
{
	g->cells = xgrow(g->cells, cap, g->ncells + 1, sizeof *g->cells);
	struct grid_cell *c = &g->cells[g->ncells++];
	*c = (struct grid_cell){kind, row, column, rowspan, colspan, text, ""};
	return c;
}

static void add_value(struct render_grid *g, size_t *cap, const struct report *r, size_t cell,
		      size_t row, size_t column)
{
	struct grid_cell *c = add_cell(g, cap, GRID_VALUE, row, column, 1, 1, NULL);
	report_format_number(r, cell, c->value);
}

/* Whether columns a and b share their header groups down to level. */
static bool same_groups(const struct form_column *a, const struct form_column *b, size_t level)
{
	if (a->ngroups <= level || b->ngroups <= level)
		return false;
	for (size_t l = 0; l <= level; l++)
		if (strcmp(a->groups[l], b->groups[l]) != 0)
			return false;
	return true;
}

/* By rows: the corner and the column header over the values, then each
 * row under the group labels that span it. */
static void layout_by_rows(struct render_grid *g, size_t *cap, const struct form_table *t,
			   const struct report *r, const struct row_spans *s)
{
	const struct form_column_set *cols = t->columns;
	size_t levels = 0, label_columns = s->levels;
	for (size_t c = 0; c < cols->ncolumns; c++)
		if (cols->columns[c].ngroups > levels)
			levels = cols->columns[c].ngroups;
	g->header_rows = levels + 1;
	g->ncolumns = label_columns + cols->ncolumns;
	add_cell(g, cap, GRID_CORNER, 0, 0, levels + 1, label_columns,
		 t->label_header ? t->label_header : "");
	for (size_t level = 0; level <= levels; level++)
		for (size_t c = 0; c < cols->ncolumns; c++) {
			const struct form_column *col = &cols->columns[c];
			if (col->ngroups > level) {
				if (c && same_groups(&cols->columns[c - 1], col, level))
					continue;
				size_t span = 1;
				while (c + span < cols->ncolumns &&
				       same_groups(col, &cols->columns[c + span], level))
					span++;
				add_cell(g, cap, GRID_COLUMN_SET, level, label_columns + c, 1, span,
					 col->groups[level]);
			} else if (col->ngroups == level) {
				add_cell(g, cap, GRID_COLUMN, level, label_columns + c,
					 levels + 1 - level, 1, col->label);
			}
		}
	size_t line = g->header_rows;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct form_row *row = &t->rows[i];
		if (row->group)
			continue;
		size_t chain[16], n = 0;
		for (size_t p = row->parent; p != FORM_NONE && n < 16; p = t->rows[p].parent)
			chain[n++] = p;
		while (n-- > 0)
			if (s->first[chain[n]] == i)
				add_cell(g, cap, GRID_ROW_GROUP, line, t->rows[chain[n]].depth,
					 s->leaves[chain[n]], 1, t->rows[chain[n]].label);
		add_cell(g, cap, GRID_ROW, line, row->depth, 1, label_columns - row->depth,
			 row->label);
		for (size_t c = 0; c < cols->ncolumns; c++)
			add_value(g, cap, r, row->first_cell + c, line, label_columns + c);
		line++;
	}
	g->nrows = line;
}

/* As one row (print: one_row): the rows become column groups over the
 * columns, and there is one line of values. */
static void layout_one_row(struct render_grid *g, size_t *cap, const struct form_table *t,
			   const struct report *r, const struct row_spans *s)
{
	size_t ncols = t->columns->ncolumns;
	g->header_rows = s->levels + 1;
	g->nrows = s->levels + 2;
	/* each row's first grid column: the leaves before it times ncols */
	size_t *start = xcalloc(t->nrows ? t->nrows : 1, sizeof *start);
	size_t leaves = 0;
	for (size_t i = 0; i < t->nrows; i++) {
		size_t before = 0;
		for (size_t j = 0; j < i; j++)
			if (!t->rows[j].group)
				before++;
		start[i] = before * ncols;
		if (!t->rows[i].group)
			leaves++;
	}
	g->ncolumns = leaves * ncols;
	for (size_t level = 0; level < s->levels; level++)
		for (size_t i = 0; i < t->nrows; i++) {
			const struct form_row *row = &t->rows[i];
			if (row->depth == level)
				add_cell(g, cap, GRID_COLUMN_SET, level, start[i],
					 row->group ? 1 : s->levels - level, s->leaves[i] * ncols,
					 row->label);
		}
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; !t->rows[i].group && c < ncols; c++)
			add_cell(g, cap, GRID_COLUMN, s->levels, start[i] + c, 1, 1,
				 t->columns->columns[c].label);
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; !t->rows[i].group && c < ncols; c++)
			add_value(g, cap, r, t->rows[i].first_cell + c, s->levels + 1,
				  start[i] + c);
	free(start);
}

void render_grid_init(struct render_grid *g, const struct form_table *t, const struct report *r)
{
	memset(g, 0, sizeof *g);
	size_t cap = 0;
	struct row_spans s;
	row_spans_init(&s, t);
	if (t->print_one_row)
		layout_one_row(g, &cap, t, r, &s);
	else
		layout_by_rows(g, &cap, t, r, &s);
	row_spans_fini(&s);
	for (size_t k = 0; k < g->ncells; k++) /* now that cells no longer move */
		if (g->cells[k].kind == GRID_VALUE)
			g->cells[k].text = g->cells[k].value;
	size_t positions = g->nrows * g->ncolumns;
	g->at = xcalloc(positions ? positions : 1, sizeof *g->at);
	for (size_t k = 0; k < g->ncells; k++) {
		const struct grid_cell *c = &g->cells[k];
		for (size_t y = c->row; y < c->row + c->rowspan && y < g->nrows; y++)
			for (size_t x = c->column; x < c->column + c->colspan && x < g->ncolumns;
			     x++)
				g->at[y * g->ncolumns + x] = k;
	}
}

void render_grid_fini(struct render_grid *g)
{
	free(g->cells);
	free(g->at);
}

const struct grid_cell *render_grid_at(const struct render_grid *g, size_t row, size_t column)
{
	return &g->cells[g->at[row * g->ncolumns + column]];
}

const char *render_next_paragraph(const char **p, size_t *len)
{
	while (**p) {
		const char *nl = strchr(*p, '\n');
		const char *end = nl ? nl : *p + strlen(*p);
		const char *q = *p;
		*p = nl ? nl + 1 : end;
		while (q < end &&
		       (*q == ' ' || *q == '\t' || (end - q >= 3 && memcmp(q, "\u3000", 3) == 0)))
			q += *q == ' ' || *q == '\t' ? 1 : 3;
		size_t n = (size_t)(end - q);
		while (n && (q[n - 1] == ' ' || q[n - 1] == '\t' || q[n - 1] == '\r'))
			n--;
		if (n) {
			*len = n;
			return q;
		}
	}
	return NULL;
}
