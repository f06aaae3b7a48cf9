/* A table of a section page: its grid (column widths, header lines, the
 * columns that fit), the drawing of its lines, and the keys and typing
 * of its cells. */
#ifndef NIANBAO_TUI_TABLE_H
#define NIANBAO_TUI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "tui_view.h"

struct form_table;

#define TUI_TABLE_MAX_COLUMNS 32

/* Where a table's parts go on the page. */
struct tui_table_grid {
	int label_width;
	int width[TUI_TABLE_MAX_COLUMNS]; /* per column, including its left gap */
	int header_lines;		  /* lines of column labels (1 or 2) */
	size_t groups;			  /* lines of column groups */
	size_t first, last;		  /* the columns shown */
};

/* Lays tab out in the content width, keeping the cursor's column in view. */
void tui_table_layout(const struct tui *t, const struct form_table *tab, struct tui_table_grid *g);

/* The lines of a table, each at (y, x0): one line of column groups (by
 * level), of column labels (by header line), and a row (cursor_table:
 * the cursor is in this table). */
void tui_table_draw_groups(const struct tui *t, const struct form_table *tab,
			   const struct tui_table_grid *g, size_t level, int y, int x0);
void tui_table_draw_labels(const struct tui *t, const struct form_table *tab,
			   const struct tui_table_grid *g, size_t line, int y, int x0);
void tui_table_draw_row(const struct tui *t, const struct form_table *tab,
			const struct tui_table_grid *g, size_t r, bool cursor_table, int y, int x0);

/* The column of the terminal cursor in the cursor's table: after the
 * number being typed.  False when none is (the highlighted cell is the
 * cursor). */
bool tui_table_cursor(const struct tui *t, const struct tui_table_grid *g, int *x);

enum tui_reaction tui_table_key(struct tui *t, struct tui_key key);
/* Typed or pasted characters at the cursor's cell. */
enum tui_reaction tui_table_insert(struct tui *t, const char *utf8, size_t len);

#endif
