/* Title and organ line breaking; see pdf_title.h. */
#include "pdf_title.h"

#include <stdlib.h>
#include <string.h>

#include "line_break.h"
#include "utf8.h"
#include "xalloc.h"

/* Words that end a part of an organ's name: a break may follow them. */
static const char *const word_ends[] = {
	"人民政府", "政府", "办公室", "委员会", "管理局", "局",	    "厅", "委", "中心",
	"服务",	    "院",   "署",     "自治区", "自治州", "自治县", "省", "市", "县",
	"区",	    "镇",   "乡",     "街道",	"旗",	  "盟",	    "州",
};

/* Second characters that make one word with a division's name
 * (市场监督管理局, 区域, 县域): no break between them. */
static const char *const word_continues[] = {"市场",   "区域", "县域", "州府", "服务中心", "服务站",
					     "委员会", "省委", "市委", "县委", "区委"};

/* True when cps[at..] begins with word; *len is its length in characters. */
static bool matches(const uint32_t *cps, size_t n, size_t at, const char *word, size_t *len)
{
	size_t m = 0, wlen = strlen(word);
	for (size_t i = 0; i < wlen; m++) {
		uint32_t cp;
		bool valid;
		i += utf8_decode(word + i, wlen - i, &cp, &valid);
		if (at + m >= n || cps[at + m] != cp)
			return false;
	}
	*len = m;
	return true;
}

void pdf_title_organ_breaks(const uint32_t *organ, size_t n, bool *breaks)
{
	memset(breaks, 0, n * sizeof *breaks);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof word_ends / sizeof word_ends[0]; k++) {
			size_t m;
			if (!matches(organ, n, i, word_ends[k], &m) || i + m >= n)
				continue;
			bool joined = false;
			for (size_t j = 0; j < sizeof word_continues / sizeof word_continues[0];
			     j++) {
				size_t c;
				joined |= i + m > 0 &&
					  matches(organ, n, i + m - 1, word_continues[j], &c);
				joined |= matches(organ, n, i, word_continues[j], &c) && c > m;
			}
			if (!joined)
				breaks[i + m] = true;
		}
}

size_t pdf_title_word_lines(const uint32_t *cps, const double *widths, const bool *breaks, size_t n,
			    double width, size_t **starts)
{
	*starts = NULL;
	if (n == 0)
		return 0;
	size_t *out = xmalloc(n * sizeof *out), lines = 0;
	double line = 0;
	for (size_t i = 0; i < n;) {
		size_t end = i + 1;
		double word = widths[i];
		while (end < n && !breaks[end])
			word += widths[end++];
		if (word > width + 0.01) {
			/* a word longer than a line: where line breaking allows */
			size_t *inner;
			size_t k = line_break_lines(cps + i, widths + i, end - i, width,
						    LINE_BREAK_SPACES_HANG, &inner);
			for (size_t j = 0; j < k; j++)
				out[lines++] = i + inner[j];
			free(inner);
			line = 0;
			for (size_t j = out[lines - 1]; j < end; j++)
				line += widths[j];
		} else if (lines == 0 || line + word > width + 0.01) {
			out[lines++] = i;
			line = word;
		} else {
			line += word;
		}
		i = end;
	}
	*starts = out;
	return lines;
}

#define MAX_TITLE_LINES 4
#define MAX_CANDIDATES 48

struct shaping {
	const double *widths;
	size_t n;
	double width, unit;
	size_t cand[MAX_CANDIDATES];
	int cost[MAX_CANDIDATES]; /* of breaking there */
	size_t ncand;
	size_t best[MAX_TITLE_LINES], try[MAX_TITLE_LINES];
	size_t best_lines;
	double best_cost;
};

static double span(const struct shaping *s, size_t from, size_t to)
{
	double w = 0;
	for (size_t i = from; i < to; i++)
		w += s->widths[i];
	return w;
}

/* The badness of the lines begun at s->try[0..lines): breaks' costs, a
 * shape other than 梯形 or 菱形, and uneven lines. */
static double badness(const struct shaping *s, size_t lines, double breaks)
{
	double w[MAX_TITLE_LINES];
	for (size_t k = 0; k < lines; k++)
		w[k] = span(s, s->try[k], k + 1 < lines ? s->try[k + 1] : s->n) / s->unit;
	size_t peak = 0;
	for (size_t k = 1; k < lines; k++)
		if (w[k] > w[peak] + 0.01)
			peak = k;
	bool shaped = true;
	for (size_t k = 0; k + 1 < lines; k++)
		shaped &= k < peak ? w[k] <= w[k + 1] + 0.01 : w[k] + 0.01 >= w[k + 1];
	/* 菱形 has its long line inside; a last line shorter is 倒梯形 */
	if (lines == 2 && w[0] > w[1] + 0.01)
		shaped = false;
	double uneven = 0;
	for (size_t k = 0; k < lines; k++)
		uneven += (w[peak] - w[k]) * (w[peak] - w[k]);
	return breaks + (shaped ? 0 : 500) + 3 * uneven;
}

static void shape(struct shaping *s, size_t lines, size_t want, size_t from_cand, double breaks)
{
	if (lines == want) {
		if (span(s, s->try[lines - 1], s->n) > s->width + 0.01)
			return;
		double cost = badness(s, lines, breaks);
		if (cost < s->best_cost) {
			s->best_cost = cost;
			s->best_lines = lines;
			memcpy(s->best, s->try, sizeof s->best);
		}
		return;
	}
	for (size_t c = from_cand; c < s->ncand; c++) {
		if (span(s, s->try[lines - 1], s->cand[c]) > s->width + 0.01)
			break;
		s->try[lines] = s->cand[c];
		shape(s, lines + 1, want, c + 1, breaks + s->cost[c]);
	}
}

size_t pdf_title_lines(const uint32_t *cps, const double *widths, size_t n, size_t norgan,
		       double width, size_t **starts)
{
	*starts = NULL;
	if (n == 0)
		return 0;
	struct shaping s = {.widths = widths, .n = n, .width = width, .unit = 1};
	for (size_t i = 0; i < n; i++)
		if (widths[i] > s.unit)
			s.unit = widths[i];
	bool *organ_breaks = xcalloc(norgan + 1, sizeof *organ_breaks);
	pdf_title_organ_breaks(cps, norgan, organ_breaks);
	for (size_t i = 1; i < n && s.ncand < MAX_CANDIDATES; i++) {
		int cost = -1;
		if (i < norgan && organ_breaks[i])
			cost = 50;
		else if (i == norgan)
			cost = 0;
		else if (i > norgan + 1 && cps[i - 1] == 0x5E74 /* 年 */ && cps[i - 2] >= '0' &&
			 cps[i - 2] <= '9')
			cost = 0;
		else if (i > norgan && line_break_may_end(cps[i - 1]) &&
			 line_break_may_start(cps[i]) && !(cps[i] >= '0' && cps[i] <= '9'))
			cost = 400;
		if (cost >= 0) {
			s.cand[s.ncand] = i;
			s.cost[s.ncand++] = cost;
		}
	}
	free(organ_breaks);
	s.try[0] = 0;
	for (size_t want = 1; want <= MAX_TITLE_LINES && s.best_lines == 0; want++) {
		s.best_cost = 1e30;
		shape(&s, 1, want, 0, 0);
		/* one more line may give a better shape than the fewest */
		if (s.best_lines && want < MAX_TITLE_LINES && s.best_cost >= 500) {
			size_t kept[MAX_TITLE_LINES], lines = s.best_lines;
			double cost = s.best_cost;
			memcpy(kept, s.best, sizeof kept);
			s.best_lines = 0;
			s.best_cost = cost - 300;
			shape(&s, 1, want + 1, 0, 0);
			if (!s.best_lines) {
				s.best_lines = lines;
				memcpy(s.best, kept, sizeof kept);
			}
		}
	}
	if (s.best_lines == 0) {
		/* a very long organ: whole words, as many lines as they take */
		bool *breaks = xcalloc(n, sizeof *breaks);
		for (size_t c = 0; c < s.ncand; c++)
			breaks[s.cand[c]] = s.cost[c] < 400;
		size_t lines = pdf_title_word_lines(cps, widths, breaks, n, width, starts);
		free(breaks);
		return lines;
	}
	*starts = xmalloc(s.best_lines * sizeof **starts);
	memcpy(*starts, s.best, s.best_lines * sizeof **starts);
	return s.best_lines;
}
