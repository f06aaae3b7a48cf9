/* A published report as a web page (the portal's page saved, or the HTML
 * a word processor writes) read into blocks with libxml2's HTML parser.
 * The charset comes from a BOM, else the page's meta tag, else the bytes
 * (UTF-8 when they are valid, GB18030 otherwise: portals serve GBK).
 * Tables become grids with their rowspan and colspan; a table used only
 * to lay out the page (one cell a row, or holding other tables) is read
 * as the text it holds.  Scripts, styles, the head, forms and navigation
 * and footer elements are dropped.  Positions are the page's lines; a
 * cell's column is its column in the grid. */
#ifndef NIANBAO_IMPORT_HTML_H
#define NIANBAO_IMPORT_HTML_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct import_blocks;

/* Reads data[0..len) into b (initialised here; free with
 * import_blocks_fini) and sets *encoding to the charset read (static).
 * Returns false after adding an error when the page cannot be parsed. */
bool import_html_read(struct import_blocks *b, const char *data, size_t len, const char **encoding,
		      struct diag_list *diags);

#endif
