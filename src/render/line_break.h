/* Breaking a paragraph into lines of a given width, at the places
 * Unicode's line breaking rules (UAX #14, libunibreak) allow: between
 * Chinese characters, never before closing punctuation such as ，。、）”
 * and never after opening punctuation such as （“《.  Widths are in any
 * unit the caller likes (the PDF uses points). */
#ifndef NIANBAO_LINE_BREAK_H
#define NIANBAO_LINE_BREAK_H

#include <stddef.h>
#include <stdint.h>

/* Splits cps[0..n) (one paragraph, no newlines) into lines no wider than
 * width; widths[i] is the advance of cps[i].  A run that has no break
 * opportunity and is wider than width is cut where it overflows.
 * Returns the number of lines; (*starts)[k] is the index of the first
 * character of line k (the caller frees *starts).  n == 0 gives 0 lines. */
size_t line_break_lines(const uint32_t *cps, const double *widths, size_t n, double width,
			size_t **starts);

#endif
