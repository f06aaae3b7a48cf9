/* The second step of import for plain text: UTF-8 text becomes blocks
 * (import_blocks.h), a row for each line, and each line becomes cells.  Offices separate a table's cells with tabs, with runs
 * of spaces (the standardized text nianbao renders), or put one cell on
 * each line; all three give the same cells here.  Markdown marks (leading
 * #, **bold**) and ASCII, fullwidth and no-break spaces around a line or
 * a cell are dropped.  Every cell keeps its line and column (1-based, in
 * characters) for diagnostics. */
#ifndef NIANBAO_IMPORT_TEXT_H
#define NIANBAO_IMPORT_TEXT_H

#include <stddef.h>

struct import_blocks;

/* Reads utf8[0..len) (LF or CRLF line ends) into b, one row per line:
 * runs of lines with two or more cells are tables, other lines
 * paragraphs, a markdown "#" line a heading.  Free with
 * import_blocks_fini. */
void import_text_read(struct import_blocks *b, const char *utf8, size_t len);

#endif
