/* A table of the form laid out as the printed form has it: a grid of
 * cells, each with its row and column and how many of each it spans (the
 * corner, column groups over their columns, a group row's label down the
 * rows under it, a row's label across the label columns its depth leaves
 * free; a one_row table's rows as column groups).  Every renderer that
 * draws real tables (HTML, DOCX) draws this grid, so that they merge the
 * same cells. */
#ifndef NIANBAO_RENDER_GRID_H
#define NIANBAO_RENDER_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct form_table;
struct report;

enum grid_kind {
	GRID_CORNER,	 /* the top-left cell: the table's label header, or empty */
	GRID_COLUMN,	 /* a column label */
	GRID_COLUMN_SET, /* a label over several columns */
	GRID_ROW_GROUP,	 /* a group row's label, down the rows under it */
	GRID_ROW,	 /* a row's label */
	GRID_VALUE,	 /* a number */
};

struct grid_cell {
	enum grid_kind kind;
	size_t row, column; /* where it starts */
	size_t rowspan, colspan;
	const char *text; /* a label (borrowed from the form) or a number (in value) */
	char value[REPORT_NUMBER_SIZE];
};

struct render_grid {
	size_t nrows, ncolumns;
	size_t header_rows;	 /* the first rows are the table's header */
	struct grid_cell *cells; /* by row, then column; owned */
	size_t ncells;
	size_t *at; /* nrows x ncolumns: the cell covering each position; owned */
};

/* Lays out table t with the numbers of r (r's form holds t). */
void render_grid_init(struct render_grid *g, const struct form_table *t, const struct report *r);
void render_grid_fini(struct render_grid *g);

/* The cell that covers position (row, column): starts there or spans it. */
const struct grid_cell *render_grid_at(const struct render_grid *g, size_t row, size_t column);

/* The paragraphs of a narrative, one a line, as reports are written:
 * the next one at or after *p, without the indent typed before it
 * (spaces, tabs, U+3000: a renderer indents by its own style) and
 * trailing blanks.  Returns its start (*len its length, never 0) and
 * moves *p past it, or NULL at the end of text. */
const char *render_next_paragraph(const char **p, size_t *len);

#endif
