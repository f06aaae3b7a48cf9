/* Breaking a paragraph into lines of a given width: the one line breaker
 * of nianbao, used by the PDF (body, title, tables, 落款), the tables of
 * the standardized text and the form's narrative editor.  It breaks where
 * Unicode's line breaking rules (UAX #14, libunibreak, tailored for
 * Chinese) allow, and never against our one 禁则 (kinsoku) table: no line
 * starts with closing punctuation such as ，。、；：？！）】》」』”’… or a
 * small kana, none ends with opening punctuation such as （【《「『“‘.
 * Widths are in any unit the caller likes (points, terminal columns). */
#ifndef NIANBAO_LINE_BREAK_H
#define NIANBAO_LINE_BREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a space that does not fit does. */
enum line_break_spaces {
	LINE_BREAK_SPACES_HANG, /* it hangs past the right edge (print: it is not drawn) */
	LINE_BREAK_SPACES_FIT,	/* it wraps like any character (a screen's cursor may sit on it) */
};

/* Splits cps[0..n) (one paragraph, no newlines) into lines no wider than
 * width; widths[i] is the advance of cps[i].  A run that has no break
 * opportunity and is wider than width is cut where it overflows.
 * Returns the number of lines; (*starts)[k] is the index of the first
 * character of line k (the caller frees *starts).  n == 0 gives 0 lines
 * and *starts NULL. */
size_t line_break_lines(const uint32_t *cps, const double *widths, size_t n, double width,
			enum line_break_spaces spaces, size_t **starts);

/* Our 禁则 table: whether cp may begin a line, and whether it may end one. */
bool line_break_may_start(uint32_t cp);
bool line_break_may_end(uint32_t cp);

#endif
