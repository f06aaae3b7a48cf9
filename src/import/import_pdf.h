/* A published report as a PDF read into blocks with poppler (glib): every
 * character with its box.  Characters whose boxes share a baseline are a
 * line; within a line, a gap wider than a character between
 * boxes ends a table cell (a narrower one is a space between words), so
 * cells come from where the text stands, not from counted spaces.  Page
 * numbers ("-1-", "— 2 —", "第 3 页") at the top or foot of a page are
 * dropped.  The lines, pages one after another, are then read as plain
 * text is (import_text), so a line's number is its place in that text.
 * A PDF that needs a password to be opened, or has no text (a scan), is
 * refused with what to do; an owner password alone is no obstacle.
 * poppler is loaded (dlopen) the first time a PDF is read. */
#ifndef NIANBAO_IMPORT_PDF_H
#define NIANBAO_IMPORT_PDF_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct import_blocks;

/* Whether data[0..len) is a PDF: "%PDF-" within its first KiB. */
bool import_pdf_detect(const char *data, size_t len);

/* Reads data[0..len) into b (initialised here; free with
 * import_blocks_fini).  Returns false after adding an error when the PDF
 * cannot be opened or holds no text. */
bool import_pdf_read(struct import_blocks *b, const char *data, size_t len,
		     struct diag_list *diags);

#endif
