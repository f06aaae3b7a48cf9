/* One worksheet written as an XLSX file (libxlsxwriter): a grid of text
 * and number cells, the first row a header.  Numbers stay numbers, so a
 * spreadsheet can add them up.  This layer knows nothing of reports; the
 * caller lays out the grid.  Nothing prints. */
#ifndef NIANBAO_XLSX_SHEET_H
#define NIANBAO_XLSX_SHEET_H

#include <stddef.h>
#include <stdint.h>

enum xlsx_kind { XLSX_EMPTY, XLSX_TEXT, XLSX_NUMBER };

struct xlsx_cell {
	enum xlsx_kind kind;
	const char *text; /* XLSX_TEXT: UTF-8, borrowed */
	int64_t number;	  /* XLSX_NUMBER: the value times 10^decimals */
	int decimals;	  /* shown with exactly this many decimals */
};

struct xlsx_sheet {
	const char *name;	       /* the worksheet's name, borrowed */
	const struct xlsx_cell *cells; /* row-major, nrows x ncolumns; row 0 is the header */
	size_t nrows, ncolumns;
	size_t frozen_columns; /* columns that stay in view when scrolling right */
	size_t bold_row;       /* a row (besides the header) shown bold, e.g. totals; 0: none */
};

/* The XLSX file of sheet, in memory: returns it (the caller frees it,
 * *len is its size), or NULL with *error set (the caller frees it).  The
 * file's creation time is created (seconds since 1970). */
char *xlsx_sheet_write(const struct xlsx_sheet *sheet, long long created, size_t *len,
		       char **error);

#endif
