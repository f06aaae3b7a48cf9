/* Matching the phrases of a narrative; see phrase.h.  Matching is
 * backtracking over a handful of tokens, anchored by strstr on the first
 * word, so a keystroke costs a few scans of the texts. */
#include "phrase.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

#define NO_MATCH ((size_t)-1)

enum token_kind { TOKEN_WORDS, TOKEN_NOT, TOKEN_GAP, TOKEN_SLOT };

struct token {
	enum token_kind kind;
	char **words; /* owned: the alternatives of TOKEN_WORDS and TOKEN_NOT */
	size_t nwords;
};

struct phrase {
	struct token *tokens;
	size_t ntokens;
	size_t gap;
	enum phrase_slot slot;
};

static uint32_t decode_at(const char *t, size_t len, size_t pos, size_t *n)
{
	uint32_t cp;
	bool valid;
	*n = utf8_decode(t + pos, len - pos, &cp, &valid);
	return valid ? cp : 0xFFFD;
}

static size_t skip_space(const char *t, size_t len, size_t pos)
{
	while (pos < len) {
		size_t n;
		if (!utf8_is_space(decode_at(t, len, pos, &n)))
			break;
		pos += n;
	}
	return pos;
}

/* The character before pos, or 0 at the start. */
static uint32_t char_before(const char *t, size_t len, size_t pos)
{
	if (pos == 0)
		return 0;
	size_t start = pos - 1;
	while (start > 0 && ((unsigned char)t[start] & 0xC0) == 0x80)
		start--;
	size_t n;
	return decode_at(t, len, start, &n);
}

/* Where word ends when the text at pos goes on with it (spaces and line
 * breaks between its characters skipped), else NO_MATCH. */
static size_t match_word(const char *t, size_t len, size_t pos, const char *word)
{
	size_t wlen = strlen(word);
	for (size_t i = 0; i < wlen;) {
		size_t n;
		decode_at(word, wlen, i, &n);
		pos = i ? skip_space(t, len, pos) : pos;
		if (pos + n > len || memcmp(t + pos, word + i, n) != 0)
			return NO_MATCH;
		pos += n;
		i += n;
	}
	return pos;
}

static int chinese_digit(uint32_t cp)
{
	static const uint32_t digits[] = {
		0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
		0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 零一二三四五六七八九 */
	for (int i = 0; i < 10; i++)
		if (cp == digits[i])
			return i;
	if (cp == 0x3007) /* 〇 */
		return 0;
	if (cp == 0x4E24) /* 两 */
		return 2;
	return -1;
}

static int chinese_unit(uint32_t cp)
{
	return cp == 0x5341 ? 10 : cp == 0x767E ? 100 : cp == 0x5343 ? 1000 : 0; /* 十百千 */
}

static bool is_numeral(uint32_t cp)
{
	return utf8_digit_value(cp) >= 0 || chinese_digit(cp) >= 0 || chinese_unit(cp);
}

/* A figure at pos (after spaces): its end, and *value; NO_MATCH when there
 * is none or it continues one that starts before pos. */
static size_t match_number(const char *t, size_t len, size_t pos, bool year, int64_t *value)
{
	pos = skip_space(t, len, pos);
	if (pos >= len || is_numeral(char_before(t, len, pos)))
		return NO_MATCH;
	size_t n, digits = 0;
	int64_t v = 0;
	while (pos < len && digits < 15) {
		int d = utf8_digit_value(decode_at(t, len, pos, &n));
		if (d < 0)
			break;
		v = v * 10 + d;
		digits++;
		pos += n;
	}
	if (year) {
		if (digits != 4 || (pos < len && is_numeral(decode_at(t, len, pos, &n))))
			return NO_MATCH;
		*value = v;
		return pos;
	}
	if (digits) {
		*value = v;
		return pos;
	}
	/* 一百零五: units multiply the digit before them (十二: a bare 十 is ten) */
	int64_t total = 0, digit = -1;
	size_t start = pos;
	while (pos < len && pos - start < 30) {
		uint32_t cp = decode_at(t, len, pos, &n);
		int d = chinese_digit(cp), unit = chinese_unit(cp);
		if (d >= 0)
			digit = d;
		else if (unit)
			total += (digit < 0 ? 1 : digit) * unit, digit = -1;
		else
			break;
		pos += n;
	}
	if (pos == start)
		return NO_MATCH;
	*value = total + (digit > 0 ? digit : 0);
	return pos;
}

/* Characters a gap never crosses: the ends of clauses and sentences. */
static bool ends_clause(uint32_t cp)
{
	static const uint32_t stops[] = {0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F,
					 0x2014, ',',	 ';',	 ':',	 '!',	 '?'};
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
		if (cp == stops[i])
			return true;
	return false;
}

static size_t match_tokens(const struct phrase *p, size_t k, const char *t, size_t len, size_t pos,
			   struct phrase_match *m)
{
	if (k == p->ntokens)
		return pos;
	const struct token *tok = &p->tokens[k];
	switch (tok->kind) {
	case TOKEN_WORDS:
		for (size_t i = 0; i < tok->nwords; i++) {
			size_t e = match_word(t, len, k ? skip_space(t, len, pos) : pos,
					      tok->words[i]);
			if (e != NO_MATCH && (e = match_tokens(p, k + 1, t, len, e, m)) != NO_MATCH)
				return e;
		}
		return NO_MATCH;
	case TOKEN_NOT:
		for (size_t i = 0; i < tok->nwords; i++)
			if (match_word(t, len, skip_space(t, len, pos), tok->words[i]) != NO_MATCH)
				return NO_MATCH;
		return match_tokens(p, k + 1, t, len, pos, m);
	case TOKEN_SLOT: {
		int64_t v;
		size_t e = match_number(t, len, pos, p->slot == PHRASE_SLOT_YEAR, &v);
		if (e == NO_MATCH)
			return NO_MATCH;
		m->slot_at = skip_space(t, len, pos);
		m->value = v;
		return match_tokens(p, k + 1, t, len, e, m);
	}
	case TOKEN_GAP:
		for (size_t chars = 0; pos <= len; chars++) {
			size_t e = match_tokens(p, k + 1, t, len, pos, m);
			if (e != NO_MATCH)
				return e;
			if (pos == len || chars == p->gap)
				break;
			size_t n;
			uint32_t cp = decode_at(t, len, pos, &n);
			if (ends_clause(cp))
				break;
			if (utf8_is_space(cp))
				chars--;
			pos += n;
		}
		return NO_MATCH;
	}
	return NO_MATCH;
}

/* Whether pos is inside 《》 or 〔〕 that open in the same sentence. */
static bool in_title(const char *t, size_t len, size_t pos)
{
	while (pos > 0) {
		size_t start = pos - 1;
		while (start > 0 && ((unsigned char)t[start] & 0xC0) == 0x80)
			start--;
		size_t n;
		uint32_t cp = decode_at(t, len, start, &n);
		if (cp == 0x300A || cp == 0x3014) /* 《 〔 */
			return true;
		if (cp == 0x300B || cp == 0x3015 || cp == 0x3002) /* 》 〕 。 */
			return false;
		pos = start;
	}
	return false;
}

#define MAX_FIRST_WORDS 16
#define NOT_YET (NO_MATCH - 1)

/* Where each first word next stands, at or after from: found once and
 * kept while it is still ahead, so that a frequent word (无) does not make
 * the search of the others start again at each of its places. */
struct starts {
	size_t next[MAX_FIRST_WORDS];
};

static bool is_digit_byte_at(const char *t, size_t len, size_t pos)
{
	unsigned char c = (unsigned char)t[pos];
	return (c >= '0' && c <= '9') ||
	       (c == 0xEF && pos + 2 < len && (unsigned char)t[pos + 1] == 0xBC &&
		(unsigned char)t[pos + 2] >= 0x90 && (unsigned char)t[pos + 2] <= 0x99);
}

/* The next place at or after from where the first token could match. */
static size_t next_start(const struct phrase *p, struct starts *st, const char *t, size_t len,
			 size_t from)
{
	const struct token *first = &p->tokens[0];
	if (first->kind == TOKEN_WORDS) {
		size_t best = NO_MATCH;
		for (size_t i = 0; i < first->nwords; i++) {
			if (st->next[i] == NO_MATCH)
				continue;
			if (st->next[i] == NOT_YET || st->next[i] < from) {
				const char *s = strstr(t + from, first->words[i]);
				st->next[i] = s ? (size_t)(s - t) : NO_MATCH;
			}
			if (st->next[i] < best)
				best = st->next[i];
		}
		return best;
	}
	/* a slot first: the start of a run of digits (bytes, not characters) */
	for (size_t pos = from; pos < len; pos++)
		if (is_digit_byte_at(t, len, pos) && !is_numeral(char_before(t, len, pos)))
			return pos;
	return NO_MATCH;
}

bool phrase_find(const struct phrase *p, const char *t, size_t len, size_t from,
		 struct phrase_match *m)
{
	struct starts st;
	for (size_t i = 0; i < MAX_FIRST_WORDS; i++)
		st.next[i] = NOT_YET;
	while (from < len) {
		size_t at = next_start(p, &st, t, len, from);
		if (at == NO_MATCH)
			return false;
		m->slot_at = at;
		m->value = 0;
		size_t end = match_tokens(p, 0, t, len, at, m);
		if (end != NO_MATCH && !in_title(t, len, at)) {
			m->at = at;
			m->end = end;
			return true;
		}
		size_t n;
		decode_at(t, len, at, &n);
		from = at + n;
	}
	return false;
}

enum phrase_slot phrase_slot(const struct phrase *p)
{
	return p->slot;
}

static void split_words(struct token *tok, const char *s, size_t len)
{
	for (size_t i = 0; i <= len;) {
		size_t n = 0;
		while (i + n < len && s[i + n] != '|')
			n++;
		tok->words = xrealloc(tok->words, (tok->nwords + 1) * sizeof *tok->words);
		tok->words[tok->nwords++] = xstrndup(s + i, n);
		i += n + 1;
	}
}

static struct phrase *compile_fail(struct phrase *p, char **error, char *message)
{
	*error = message;
	phrase_free(p);
	return NULL;
}

struct phrase *phrase_compile(const char *pattern, size_t gap, char **error)
{
	struct phrase *p = xcalloc(1, sizeof *p);
	p->gap = gap;
	size_t cap = 0;
	for (const char *s = pattern; *s;) {
		if (*s == ' ') {
			s++;
			continue;
		}
		size_t len = strcspn(s, " ");
		p->tokens = xgrow(p->tokens, &cap, p->ntokens + 1, sizeof *p->tokens);
		struct token *tok = &p->tokens[p->ntokens++];
		memset(tok, 0, sizeof *tok);
		if (len == 3 && memcmp(s, "…", 3) == 0) {
			tok->kind = TOKEN_GAP;
			if (p->ntokens == 1 || tok[-1].kind == TOKEN_GAP)
				return compile_fail(
					p, error,
					xasprintf("“…”不能在开头，也不能连写：%s", pattern));
		} else if ((len == 3 && memcmp(s, "{n}", 3) == 0) ||
			   (len == 6 && memcmp(s, "{year}", 6) == 0)) {
			tok->kind = TOKEN_SLOT;
			if (p->slot != PHRASE_SLOT_NONE)
				return compile_fail(
					p, error,
					xasprintf("只能有一个 {n} 或 {year}：%s", pattern));
			p->slot = len == 3 ? PHRASE_SLOT_NUMBER : PHRASE_SLOT_YEAR;
		} else {
			bool negative = *s == '!';
			tok->kind = negative ? TOKEN_NOT : TOKEN_WORDS;
			split_words(tok, s + negative, len - negative);
			for (size_t i = 0; i < tok->nwords; i++)
				if (!*tok->words[i] || strpbrk(tok->words[i], "{}"))
					return compile_fail(
						p, error,
						xasprintf("“%.*s”不是可用的词（空词或花括号）：%s",
							  (int)len, s, pattern));
			if (p->ntokens == 1 && tok->nwords > MAX_FIRST_WORDS)
				return compile_fail(p, error,
						    xasprintf("开头的词最多 %d 个：%s",
							      MAX_FIRST_WORDS, pattern));
			if (negative && p->ntokens == 1)
				return compile_fail(p, error,
						    xasprintf("“!”不能在开头：%s", pattern));
		}
		s += len;
		if (p->ntokens > 12)
			return compile_fail(p, error, xasprintf("匹配式最多 12 项：%s", pattern));
	}
	if (!p->ntokens)
		return compile_fail(p, error, xstrdup("匹配式是空的"));
	if (p->tokens[p->ntokens - 1].kind == TOKEN_GAP)
		return compile_fail(p, error, xasprintf("“…”不能在结尾：%s", pattern));
	return p;
}

void phrase_free(struct phrase *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ntokens; i++) {
		for (size_t j = 0; j < p->tokens[i].nwords; j++)
			free(p->tokens[i].words[j]);
		free(p->tokens[i].words);
	}
	free(p->tokens);
	free(p);
}
