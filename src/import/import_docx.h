/* A published report as a Word file (.docx: a ZIP of XML parts) read into
 * blocks with libzip and libxml2.  Only word/document.xml is read: page
 * headers and footers live in parts of their own and so are left out.
 * Paragraphs come in document order (w:p, inside content controls too);
 * tables become grids, w:gridSpan giving a cell's columns and w:vMerge
 * its rows; a table holding tables only lays out the page and is read as
 * the text it holds.  Positions: the line is the paragraph or table row's
 * number in the document, counted from 1; a cell's column is its column
 * in the grid. */
#ifndef NIANBAO_IMPORT_DOCX_H
#define NIANBAO_IMPORT_DOCX_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct import_blocks;

/* Reads data[0..len) into b (initialised here; free with
 * import_blocks_fini).  Returns false after adding an error when it is
 * no Word file or its document cannot be read. */
bool import_docx_read(struct import_blocks *b, const char *data, size_t len,
		      struct diag_list *diags);

#endif
