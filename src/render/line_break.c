/* Greedy line filling over libunibreak's break opportunities. */
#include "line_break.h"

#include <linebreak.h>
#include <stdbool.h>
#include <stdlib.h>

#include "utf8.h"
#include "xalloc.h"

size_t line_break_lines(const uint32_t *cps, const double *widths, size_t n, double width,
			size_t **starts)
{
	static bool initialized;
	if (!initialized) {
		init_linebreak();
		initialized = true;
	}
	*starts = NULL;
	if (n == 0)
		return 0;
	char *brks = xmalloc(n);
	set_linebreaks_utf32((const utf32_t *)cps, n, "zh", brks);
	size_t cap = 0, count = 0;
	size_t *out = NULL;
	size_t start = 0;
	out = xgrow(out, &cap, count + 1, sizeof *out);
	out[count++] = 0;
	double used = 0;
	size_t last_break = 0; /* a line may start here; 0 means none yet */
	for (size_t i = start; i < n; i++) {
		/* spaces may hang past the right edge instead of wrapping */
		if (used + widths[i] > width && i > start && !utf8_is_space(cps[i])) {
			size_t cut = last_break > start ? last_break : i;
			out = xgrow(out, &cap, count + 1, sizeof *out);
			out[count++] = cut;
			start = cut;
			used = 0;
			for (size_t k = cut; k < i; k++)
				used += widths[k];
		}
		used += widths[i];
		if (brks[i] == LINEBREAK_ALLOWBREAK || brks[i] == LINEBREAK_MUSTBREAK)
			last_break = i + 1;
	}
	free(brks);
	*starts = out;
	return count;
}
