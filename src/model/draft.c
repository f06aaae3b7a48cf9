/* Regenerating last year's report as this year's draft; see draft.h.
 * What carries is the rules' business; this file only words the
 * narratives. */
#include "draft.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "rules.h"
#include "template.h"
#include "templates.h"
#include "utf8.h"
#include "xalloc.h"

/* What tells a sentence of last year's narratives that speaks of last
 * year: its year, or one of the words for "this year" and "last year"
 * with a figure. */
struct draft_clues {
	char *year;   /* draft.yaml year, for last year */
	char **words; /* draft.yaml year_words, split at 、 */
	size_t nwords;
};

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The template key of draft.yaml with {year} (the caller frees it). */
static char *with_year(enum templates_key key, int year)
{
	char digits[16];
	snprintf(digits, sizeof digits, "%d", year);
	const struct template_var var = {"year", digits};
	struct buf b;
	buf_init(&b);
	templates_expand(&b, key, &var, 1);
	return buf_take(&b);
}

static void clues_init(struct draft_clues *c, int year)
{
	c->year = with_year(TEMPLATES_DRAFT_YEAR, year);
	c->words = NULL;
	c->nwords = 0;
	size_t cap = 0;
	const char *sep = "、";
	for (const char *p = templates_get(TEMPLATES_DRAFT_YEAR_WORDS); *p;) {
		const char *end = strstr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len) {
			c->words = xgrow(c->words, &cap, c->nwords + 1, sizeof *c->words);
			c->words[c->nwords++] = xstrndup(p, len);
		}
		p += len + (end ? strlen(sep) : 0);
	}
}

static void clues_fini(struct draft_clues *c)
{
	for (size_t i = 0; i < c->nwords; i++)
		free(c->words[i]);
	free(c->words);
	free(c->year);
}

static bool starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return n <= len && memcmp(s, prefix, n) == 0;
}

/* The length of a document number at s (〔2021〕, [2021], （2021）...: four
 * digits in brackets), else 0: it names a document, not a fact. */
static size_t document_number_at(const char *s, size_t len)
{
	static const char *const brackets[][2] = {
		{"〔", "〕"}, {"［", "］"}, {"[", "]"}, {"（", "）"}, {"(", ")"},
	};
	for (size_t b = 0; b < sizeof brackets / sizeof brackets[0]; b++) {
		size_t open = strlen(brackets[b][0]);
		if (!starts(s, len, brackets[b][0]) || len < open + 4)
			continue;
		size_t i = open;
		while (i < open + 4 && is_ascii_digit(s[i]))
			i++;
		if (i == open + 4 && starts(s + i, len - i, brackets[b][1]))
			return i + strlen(brackets[b][1]);
	}
	return 0;
}

/* A figure: an ASCII or fullwidth digit (０ is EF BC 90). */
static bool is_figure(const char *s, size_t len)
{
	return is_ascii_digit(*s) ||
	       (len >= 3 && (unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbc &&
		(unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99);
}

/* Whether the sentence s[0..len) speaks of last year: its year (a date
 * of it too) outside 《》 titles and document numbers, or a word of the
 * clues with a figure. */
static bool speaks_of_last_year(const char *s, size_t len, const struct draft_clues *c)
{
	size_t ylen = strlen(c->year);
	bool word = false, figure = false;
	for (size_t i = 0; i < len;) {
		if (starts(s + i, len - i, "《")) {
			while (i < len && !starts(s + i, len - i, "》"))
				i++;
			i = i < len ? i + strlen("》") : len;
			continue;
		}
		size_t n = document_number_at(s + i, len - i);
		if (n) {
			i += n;
			continue;
		}
		if (starts(s + i, len - i, c->year) && (i == 0 || !is_ascii_digit(s[i - 1])) &&
		    (i + ylen == len || !is_ascii_digit(s[i + ylen])))
			return true;
		for (size_t w = 0; w < c->nwords && !word; w++)
			word = starts(s + i, len - i, c->words[w]);
		figure = figure || is_figure(s + i, len - i);
		uint32_t cp;
		bool valid;
		i += utf8_decode(s + i, len - i, &cp, &valid);
	}
	return word && figure;
}

/* The length of the sentence at s[0..len): through its 。！？ (and the
 * closing quotes after it), or up to the line's end. */
static size_t sentence_length(const char *s, size_t len)
{
	static const char *const ends[] = {"。", "！", "？", "!", "?"};
	static const char *const closers[] = {"”", "’", "」", "』"};
	for (size_t i = 0; i < len;) {
		if (s[i] == '\n')
			return i;
		bool end = false;
		for (size_t e = 0; e < sizeof ends / sizeof ends[0] && !end; e++)
			if (starts(s + i, len - i, ends[e])) {
				i += strlen(ends[e]);
				end = true;
			}
		if (end) {
			for (size_t q = 0; q < sizeof closers / sizeof closers[0]; q++)
				if (starts(s + i, len - i, closers[q])) {
					i += strlen(closers[q]);
					q = (size_t)-1; /* another may follow */
				}
			return i;
		}
		uint32_t cp;
		bool valid;
		i += utf8_decode(s + i, len - i, &cp, &valid);
	}
	return len;
}

/* The narrative with the rewrite mark on top and the verify mark before
 * each sentence that speaks of last year; the words themselves stay as
 * written, dates, titles and document numbers too: a fact of last year is
 * never made one of this year. */
static char *draft_text(const char *text, int year)
{
	if (!*text)
		return xstrdup("");
	struct draft_clues clues;
	clues_init(&clues, year);
	char *mark = with_year(TEMPLATES_DRAFT_VERIFY_MARK, year);
	struct buf b;
	buf_init(&b);
	buf_adds(&b, templates_get(TEMPLATES_DRAFT_REWRITE_MARK));
	buf_addc(&b, '\n');
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		if (text[i] == '\n') {
			buf_addc(&b, text[i++]);
			continue;
		}
		size_t blank = utf8_line_blanks(text + i, len - i); /* before the mark */
		buf_add(&b, text + i, blank);
		i += blank;
		size_t n = sentence_length(text + i, len - i);
		if (n && speaks_of_last_year(text + i, n, &clues))
			buf_adds(&b, mark);
		buf_add(&b, text + i, n);
		i += n;
	}
	free(mark);
	clues_fini(&clues);
	return buf_take(&b);
}

struct report *draft_next_year(const struct report *last, const struct rules *rules)
{
	if (last->year >= REPORT_YEAR_MAX)
		return NULL;
	const struct form *f = last->form;
	struct report *draft = report_new(f);
	report_set_organ(draft, last->organ);
	draft->year = last->year + 1;
	draft->draft = true;
	rules_carry_forward(rules, last, draft);
	for (size_t c = 0; c < f->ncells; c++) {
		if (f->cells[c].type != FORM_TEXT)
			continue;
		char *text = draft_text(last->texts[c], last->year);
		report_set_text(draft, c, text, strlen(text));
		free(text);
	}
	return draft;
}
