/* The second step of import: UTF-8 text becomes lines, and each line
 * becomes cells.  Offices separate a table's cells with tabs, with runs
 * of spaces (the standardized text nianbao renders), or put one cell on
 * each line; all three give the same cells here.  Markdown marks (leading
 * #, **bold**) and ASCII, fullwidth and no-break spaces around a line or
 * a cell are dropped.  Every cell keeps its line and column (1-based, in
 * characters) for diagnostics. */
#ifndef NIANBAO_IMPORT_TEXT_H
#define NIANBAO_IMPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct import_cell {
	char *text; /* owned; never empty */
	int line, column;
	bool numeric; /* digits, maybe with a sign, point or commas */
};

/* No table has rows this wide; a line with more cells keeps only these. */
#define IMPORT_LINE_MAX_CELLS 100

struct import_line {
	char *text;		   /* owned: the line without marks and outer spaces, may be "" */
	int number;		   /* 1-based */
	int column;		   /* where text starts */
	struct import_cell *cells; /* owned, at most IMPORT_LINE_MAX_CELLS */
	size_t ncells;
	size_t ncells_seen; /* how many the line has, kept or not */
};

struct import_text {
	struct import_line *lines; /* owned */
	size_t nlines;
};

/* Splits utf8[0..len) (LF or CRLF line ends).  Free with import_text_fini. */
void import_text_split(struct import_text *text, const char *utf8, size_t len);
void import_text_fini(struct import_text *text);

#endif
