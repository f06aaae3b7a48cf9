/* The second step of import for plain text: UTF-8 text becomes blocks
 * (import_blocks.h), a row for each line, and each line becomes cells.  Offices separate a table's cells with tabs, with runs
 * of spaces (the standardized text nianbao renders), or put one cell on
 * each line; all three give the same cells here.  Markdown marks (leading
 * #, **bold**) and ASCII, fullwidth and no-break spaces around a line or
 * a cell are dropped.  Every cell keeps its line and column (1-based, in
 * characters) for diagnostics. */
#ifndef NIANBAO_IMPORT_TEXT_H
#define NIANBAO_IMPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct import_blocks;
struct import_row;

/* Splits one line (no line break) into row's text and cells as
 * import_text_read does, for formats whose paragraphs may hold a table
 * written as text.  Returns whether it is a markdown heading. */
bool import_text_split_row(struct import_row *row, const char *line, size_t len);

/* Reads utf8[0..len) (LF or CRLF line ends) into b, one row per line:
 * runs of lines with two or more cells are tables, other lines
 * paragraphs, a markdown "#" line a heading.  A page number such as "-1-"
 * that ends a page (the last line before a form feed, or of a text with
 * form feeds, as pdftotext writes) is dropped.  b is marked wrapped: a
 * paragraph may go on over several lines.  Free with import_blocks_fini. */
void import_text_read(struct import_blocks *b, const char *utf8, size_t len);

/* Appends text[0..len) as paragraphs (or headings), one for each of its
 * lines that is not blank, each split as import_text_split_row does;
 * number is where the text starts in its source. */
void import_text_add_paragraph(struct import_blocks *b, bool heading, const char *text, size_t len,
			       int number);

/* Whether a line is only a page number: "-1-", "— 2 —", "3", "第 4 页",
 * "5/9". */
bool import_text_is_page_number(const char *line);

#endif
