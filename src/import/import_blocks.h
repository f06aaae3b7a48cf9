/* The intermediate every format of a published report is read into: a
 * list of blocks in reading order, each a heading, a paragraph or a
 * table.  A table is a grid of rows of cells whose row and column spans
 * are resolved: a merged cell is given once, at its first row and column,
 * with its spans, and the places it covers hold nothing.  Plain text,
 * web pages, Word files and PDFs all become blocks (import_text,
 * import_html, import_docx, import_pdf); the structure reader (import.c)
 * reads only blocks, so what it learns of one format serves all.  Every
 * row and every cell keeps where it stood in the source (struct
 * import_pos), set by its format's reader, so that the structure reader
 * names a place in the words of any format without knowing which. */
#ifndef NIANBAO_IMPORT_BLOCKS_H
#define NIANBAO_IMPORT_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>

/* Where a row or a cell stands in a source without lines, in the words a
 * clerk finds it by; 0 where a word does not apply.  Plain text needs
 * none: its line and column say it all. */
struct import_pos {
	int page, page_line; /* PDF: the page, and the line on it (1-based) */
	int top_mm;	     /* PDF: the top of that line, in mm from the top of the page */
	int paragraph;	     /* Word: 第几个段落 of the document (1-based) */
	int table, row;	     /* web page, Word: 第几张表, 第几行 of it (1-based) */
	int cell; /* 第几格 of its row (the grid's, merged cells counted) or line (PDF) */
};

/* The words for pos, such as "第2页第14行（距页顶 96 毫米）第3格" or
 * "第4张表第5行第2格"; NULL when pos says nothing.  The caller frees it. */
char *import_pos_words(const struct import_pos *pos);

/* message with the words for pos in front ("第4张表第5行第2格：message"),
 * or a copy of message when pos says nothing.  The caller frees it. */
char *import_pos_message(const struct import_pos *pos, const char *message);

struct import_cell {
	char *text;	  /* owned; never empty */
	int line, column; /* the diagnostic's FILE:LINE:COLUMN */
	struct import_pos pos;
	bool numeric;		 /* digits, maybe with a sign, point or commas */
	size_t col;		 /* first grid column it takes */
	size_t rowspan, colspan; /* grid rows and columns it takes, at least 1 */
};

/* No table has rows this wide; a row with more cells keeps only these. */
#define IMPORT_LINE_MAX_CELLS 100

/* One line of a paragraph or one row of a table. */
struct import_row {
	char *text; /* owned: its text without marks and outer spaces, may be "" */
	int number; /* where it starts: the line (text, HTML), the row (others) */
	int column; /* where text starts */
	struct import_pos pos;
	struct import_cell *cells; /* owned, at most IMPORT_LINE_MAX_CELLS, in grid order */
	size_t ncells;
	size_t ncells_seen; /* how many the row has, kept or not */
	bool dropped;	    /* page furniture (a page number): no part of the report */
};

enum import_block_kind {
	IMPORT_BLOCK_PARAGRAPH, /* one row: a line of text */
	IMPORT_BLOCK_HEADING,	/* one row, marked as a heading by its format */
	IMPORT_BLOCK_TABLE,	/* rows of a grid */
};

struct import_block {
	enum import_block_kind kind;
	struct import_row *rows; /* owned */
	size_t nrows, cap;
	size_t ncolumns; /* of a table's grid */
};

struct import_blocks {
	struct import_block *blocks; /* owned */
	size_t nblocks, cap;
	const char *format; /* static: "文本", "网页", "Word 文档", "PDF" */
	bool wrapped;	    /* a paragraph may be cut into lines (text, PDF), see import.c */
};

void import_blocks_init(struct import_blocks *b, const char *format);
void import_blocks_fini(struct import_blocks *b);

/* Appends a block of kind and returns it (valid until the next append). */
struct import_block *import_blocks_add(struct import_blocks *b, enum import_block_kind kind);

/* Appends an empty row to block and returns it; the row's text is "" until
 * import_row_set_text. */
struct import_row *import_block_add_row(struct import_block *block, int number);

/* Sets row's text to a copy of text[0..len) with outer spaces removed. */
void import_row_set_text(struct import_row *row, const char *text, size_t len);

/* Appends a copy of text[0..len) (outer spaces removed; nothing when that
 * leaves it empty) as a cell at grid column col with its spans. */
void import_row_add_cell(struct import_row *row, const char *text, size_t len, int line, int column,
			 size_t col, size_t rowspan, size_t colspan);

/* Appends text (taken: freed here when empty or beyond the row's limit) as
 * a cell of one grid place at column col. */
void import_row_take_cell(struct import_row *row, char *text, int line, int column, size_t col);

/* Sets pos on every row of the blocks of b from block first on, and on
 * their cells, each with its 第几格. */
void import_blocks_set_pos(struct import_blocks *b, size_t first, const struct import_pos *pos);

/* Sets the table, row and cell (its grid column) of each cell of block,
 * its 第几张表 table. */
void import_block_number_cells(struct import_block *block, int table);

/* Sets the text of each row of a table to its cells joined by spaces. */
void import_block_join_rows(struct import_block *block);

/* Where the cells of a table go in its grid while its rows are read in
 * order: the places that cells of rows above still cover (rowspan). */
struct import_grid {
	size_t *covered; /* owned: per column, rows still covered, this one included */
	size_t ncolumns, cap;
	size_t next; /* the column the next cell of this row may take */
};

/* The first column from the next free place for a cell of colspan columns
 * and rowspan rows; marks the places it covers.  Spans are capped at
 * IMPORT_LINE_MAX_CELLS. */
size_t import_grid_place(struct import_grid *g, size_t colspan, size_t rowspan);
/* Ends a row: the covering from above moves down by one. */
void import_grid_end_row(struct import_grid *g);
void import_grid_fini(struct import_grid *g);

/* Whether s is a number as offices write one: digits (ASCII or fullwidth),
 * maybe a sign, a decimal point with digits after it, or commas between
 * digits.  Whether it is a valid count is for value.c to say. */
bool import_cell_numeric(const char *s);

/* Every row of every block in reading order (borrowed pointers), the view
 * the structure reader walks. */
struct import_rows {
	const struct import_row **at;	   /* owned array */
	const struct import_block **block; /* owned array: the block of each row */
	size_t n;
	bool wrapped; /* of the blocks */
};

void import_rows_of(struct import_rows *rows, const struct import_blocks *b);
void import_rows_fini(struct import_rows *rows);

#endif
