/* Before a PDF is typeset: can every character it will print be printed
 * right?  A character no font of its role has, one above U+FFFF (which
 * the font set does not keep) and one whose only glyph is damaged are
 * errors naming the character and where it is: the
 * report's cell (path, line and column of its value, and the line and
 * character within a narrative) or the form's label. */
#ifndef NIANBAO_PDF_CHECK_H
#define NIANBAO_PDF_CHECK_H

#include <stdbool.h>

struct diag_list;
struct font_set;
struct report;

#define PDF_CHECK_RULE "pdf.glyph"

/* Adds an error to diags for each character (once per text) that cannot
 * be printed, at most a few dozen in all.  True when there is none. */
bool pdf_check_report(const struct report *report, struct font_set *fonts, struct diag_list *diags);

#endif
