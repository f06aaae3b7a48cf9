/* Greedy line filling over libunibreak's break opportunities, narrowed by
 * our 禁则 table.  libunibreak's "zh" tailoring already keeps most closing
 * punctuation off a line's start; the table states the rule itself, so
 * that it holds whatever libunibreak's version and classes (small kana
 * are CJ, which UAX #14 lets a tailoring break before). */
#include "line_break.h"

#include <linebreak.h>
#include <stdlib.h>

#include "utf8.h"
#include "xalloc.h"

/* May not start a line: closing punctuation, fullwidth and ASCII, the
 * iteration marks and prolonged sound mark, small kana.  Sorted. */
static const uint32_t no_start[] = {
	'!',	')',	',',	'.',	':',	';',	'?',	']',	'}',	0x2019,
	0x201D, 0x2026, 0x2030, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F,
	0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F, 0x3041, 0x3043, 0x3045,
	0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x309D,
	0x309E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
	0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0xFE50, 0xFE51, 0xFE52,
	0xFE54, 0xFE55, 0xFE56, 0xFE57, 0xFE5A, 0xFE5C, 0xFE5E, 0xFF01, 0xFF09, 0xFF0C,
	0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF60, 0xFF61, 0xFF63, 0xFF64,
};

/* May not end a line: opening punctuation, fullwidth and ASCII.  Sorted. */
static const uint32_t no_end[] = {
	'(',	'[',	'{',	0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
	0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFE59,
	0xFE5B, 0xFE5D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

static bool in_sorted(uint32_t cp, const uint32_t *t, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid] == cp)
			return true;
		if (t[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Ideographs, between the kana and the small forms, are in neither table:
 * they are nearly every character of a report, so they are let through
 * first (the form breaks its narrative after every keystroke). */
#define LINE_BREAK_PLAIN(cp) ((cp) >= 0x3100 && (cp) < 0xFE50)

bool line_break_may_start(uint32_t cp)
{
	return LINE_BREAK_PLAIN(cp) ||
	       !in_sorted(cp, no_start, sizeof no_start / sizeof no_start[0]);
}

bool line_break_may_end(uint32_t cp)
{
	return LINE_BREAK_PLAIN(cp) || !in_sorted(cp, no_end, sizeof no_end / sizeof no_end[0]);
}

/* 1 where a line may break after cps[i], else 0, for every i < n (the
 * caller frees the result). */
static char *opportunities(const uint32_t *cps, size_t n)
{
	static bool initialized;
	if (!initialized) {
		init_linebreak();
		initialized = true;
	}
	char *brks = xmalloc(n);
	set_linebreaks_utf32((const utf32_t *)cps, n, "zh", brks);
	for (size_t i = 0; i < n; i++) {
		bool allowed = brks[i] == LINEBREAK_ALLOWBREAK || brks[i] == LINEBREAK_MUSTBREAK;
		brks[i] = allowed && line_break_may_end(cps[i]) &&
			  (i + 1 == n || line_break_may_start(cps[i + 1]));
	}
	return brks;
}

size_t line_break_lines(const uint32_t *cps, const double *widths, size_t n, double width,
			enum line_break_spaces spaces, size_t **starts)
{
	*starts = NULL;
	if (n == 0)
		return 0;
	char *may = opportunities(cps, n);
	size_t cap = 0, count = 0;
	size_t *out = NULL;
	size_t start = 0;
	out = xgrow(out, &cap, count + 1, sizeof *out);
	out[count++] = 0;
	double used = 0;
	size_t last_break = 0; /* a line may start here; 0 means none yet */
	for (size_t i = start; i < n; i++) {
		bool hangs = spaces == LINE_BREAK_SPACES_HANG && utf8_is_space(cps[i]);
		if (used + widths[i] > width && i > start && !hangs) {
			size_t cut = last_break > start ? last_break : i;
			/* a run with no break opportunity is cut where it overflows,
			 * but not before closing punctuation nor after opening if
			 * moving the cut back keeps the next line within the width */
			double moved = widths[i];
			for (size_t back = i; cut == i && back > start + 1; back--) {
				if (line_break_may_start(cps[back]) &&
				    line_break_may_end(cps[back - 1])) {
					cut = back;
					break;
				}
				moved += widths[back - 1];
				if (moved > width)
					break;
			}
			out = xgrow(out, &cap, count + 1, sizeof *out);
			out[count++] = cut;
			start = cut;
			used = 0;
			for (size_t k = cut; k < i; k++)
				used += widths[k];
		}
		used += widths[i];
		if (may[i])
			last_break = i + 1;
	}
	free(may);
	*starts = out;
	return count;
}
