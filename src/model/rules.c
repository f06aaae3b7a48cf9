/* Compiling and evaluating the rules of a form; see rules.h. */
#include "rules.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ack.h"
#include "buf.h"
#include "form.h"
#include "phrase.h"
#include "report.h"
#include "template.h"
#include "text_hits.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

struct rule_term {
	size_t cell;
	int sign;      /* +1 or -1 */
	bool previous; /* read from last year's report */
};

enum check_kind {
	CHECK_EQUATION,	 /* two sums of cells must be equal */
	CHECK_REQUIRED,	 /* a text must not be blank */
	CHECK_FORBIDDEN, /* a text must not contain the rule's forbidden words */
	CHECK_PHRASES,	 /* the figures a text states must be the table's */
	CHECK_CHANGE,	 /* a value must not jump against last year's */
	CHECK_REPEAT,	 /* a text must not be last year's again */
	CHECK_MENTIONS,	 /* a text must name each part of the rule's mentions */
};

/* A compiled phrase of a phrases rule; its terms are the cells it names. */
struct rule_phrase {
	struct phrase *phrase;
	size_t first_term, nterms;
	const char *label; /* borrowed from the form */
};

struct rule_check {
	enum check_kind kind;
	size_t rule;			  /* index in form->rules */
	size_t cell;			  /* the cell a diagnostic names */
	size_t table, row, column;	  /* context for {row} and {column}, or FORM_NONE */
	size_t first_term, nleft, nright; /* phrases: first phrase and their number */
	bool previous;			  /* needs last year's report */
	bool fill;			  /* cell = the right side */
	int level;			  /* fills: order in which totals are derived */
};

struct rules {
	const struct form *form;
	struct rule_check *checks;
	size_t nchecks, cap_checks;
	struct rule_term *terms;
	size_t nterms, cap_terms;
	size_t *fills; /* fill checks, in the order totals are derived */
	size_t nfills;
	bool *derived; /* per cell */
	struct rule_phrase *phrases;
	size_t nphrases, cap_phrases;
};

struct compiler {
	struct rules *rules;
	const struct form_rule *rule;
	size_t rule_index;
	char *error;
};

static bool compile_fail(struct compiler *c, const char *fmt, const char *arg)
{
	if (!c->error) {
		char *what = xasprintf(fmt, arg);
		c->error = xasprintf("表格定义第 %d 行，规则 %s：%s", c->rule->line, c->rule->id,
				     what);
		free(what);
	}
	return false;
}

static void add_term(struct rules *r, size_t cell, int sign, bool previous)
{
	r->terms = xgrow(r->terms, &r->cap_terms, r->nterms + 1, sizeof *r->terms);
	r->terms[r->nterms++] = (struct rule_term){cell, sign, previous};
}

/* Replaces $c and $row in text. */
static char *substitute(const char *text, size_t column, const char *row_path)
{
	struct buf out;
	buf_init(&out);
	for (const char *p = text; *p;) {
		if (strncmp(p, "$row", 4) == 0 && row_path) {
			buf_adds(&out, row_path);
			p += 4;
		} else if (strncmp(p, "$c", 2) == 0 && column != FORM_NONE) {
			buf_addf(&out, "%zu", column);
			p += 2;
		} else {
			buf_addc(&out, *p++);
		}
	}
	return buf_take(&out);
}

static bool parse_index(const char *s, size_t *value)
{
	char *end;
	if (*s < '0' || *s > '9')
		return false;
	unsigned long v = strtoul(s, &end, 10);
	*value = v;
	return *end == '\0' && v < 1000;
}

/* Resolves one reference (after substitution) to its cells, appending a
 * term for each.  Forms: PATH, PATH[i], PATH[i..j], GROUP.*[i]. */
static bool resolve_ref(struct compiler *c, const char *ref, int sign)
{
	const struct form *f = c->rules->form;
	bool previous = strncmp(ref, "prev:", 5) == 0;
	char *base = xstrdup(previous ? ref + 5 : ref);
	size_t first = FORM_NONE, last = FORM_NONE;
	bool ok = true;
	char *bracket = strchr(base, '[');

	if (bracket) {
		size_t len = strlen(bracket);
		char *dots = strstr(bracket, "..");
		if (bracket[len - 1] != ']')
			ok = false;
		bracket[len - 1] = '\0';
		*bracket = '\0';
		if (ok && dots) {
			*dots = '\0';
			ok = parse_index(bracket + 1, &first) && parse_index(dots + 2, &last) &&
			     first <= last;
		} else if (ok) {
			ok = parse_index(bracket + 1, &first);
			last = first;
		}
		if (!ok) {
			free(base);
			return compile_fail(c, "下标写得不对：%s", ref);
		}
	}
	size_t blen = strlen(base);
	size_t found = 0;
	if (blen > 2 && strcmp(base + blen - 2, ".*") == 0) {
		/* every data row under the group, in form order */
		base[blen - 1] = '\0'; /* keep the dot: "group." */
		if (first == FORM_NONE) {
			free(base);
			return compile_fail(c, "“.*”后面要写下标：%s", ref);
		}
		for (size_t t = 0; t < f->ntables; t++) {
			const struct form_table *tab = &f->tables[t];
			for (size_t rw = 0; rw < tab->nrows; rw++) {
				const struct form_row *row = &tab->rows[rw];
				if (row->group || strncmp(row->path, base, blen - 1) != 0)
					continue;
				if (last >= tab->columns->ncolumns ||
				    tab->store != FORM_STORE_SEQUENCE) {
					free(base);
					return compile_fail(c, "下标超出了表格的列数：%s", ref);
				}
				for (size_t i = first; i <= last; i++)
					add_term(c->rules, row->first_cell + i, sign, previous);
				found++;
			}
		}
	} else if (first != FORM_NONE) {
		for (size_t i = first; i <= last; i++) {
			char *path = xasprintf("%s[%zu]", base, i);
			size_t cell = form_find_cell(f, path);
			free(path);
			if (cell == FORM_NONE)
				break;
			add_term(c->rules, cell, sign, previous);
			found++;
		}
		if (found != last - first + 1)
			found = 0;
	} else {
		size_t cell = form_find_cell(f, base);
		if (cell != FORM_NONE) {
			add_term(c->rules, cell, sign, previous);
			found++;
		}
	}
	free(base);
	if (!found)
		return compile_fail(c, "找不到数据格：%s", ref);
	return true;
}

/* Parses "refs = refs" into terms; returns the count on each side. */
static bool parse_equation(struct compiler *c, const char *eq, size_t *nleft, size_t *nright)
{
	size_t side_start = c->rules->nterms;
	int side = 0, sign = 1;
	bool expect_ref = true;
	*nleft = *nright = 0;
	for (const char *p = eq; *p;) {
		if (*p == ' ') {
			p++;
		} else if (*p == '=' || *p == '+' || *p == '-') {
			if (expect_ref && *p != '-')
				return compile_fail(c, "算式写得不对：%s", eq);
			if (*p == '=') {
				if (side == 1)
					return compile_fail(c, "算式中只能有一个“=”：%s", eq);
				*nleft = c->rules->nterms - side_start;
				side_start = c->rules->nterms;
				side = 1;
				sign = 1;
			} else {
				sign = *p == '-' ? -1 : 1;
			}
			expect_ref = true;
			p++;
		} else {
			size_t len = strcspn(p, " =+");
			/* a '-' inside a ref cannot occur: keys use '_' */
			const char *minus = memchr(p, '-', len);
			if (minus)
				len = (size_t)(minus - p);
			if (!expect_ref)
				return compile_fail(c, "两项之间缺少“+”或“-”：%s", eq);
			char *ref = xstrndup(p, len);
			bool ok = resolve_ref(c, ref, sign);
			free(ref);
			if (!ok)
				return false;
			expect_ref = false;
			sign = 1;
			p += len;
		}
	}
	if (side != 1 || expect_ref)
		return compile_fail(c, "算式应为“左边 = 右边”：%s", eq);
	*nright = c->rules->nterms - side_start;
	return true;
}

static struct rule_check *new_check(struct rules *r)
{
	r->checks = xgrow(r->checks, &r->cap_checks, r->nchecks + 1, sizeof *r->checks);
	struct rule_check *k = &r->checks[r->nchecks++];
	memset(k, 0, sizeof *k);
	k->table = k->row = k->column = k->cell = FORM_NONE;
	return k;
}

static bool compile_instance(struct compiler *c, size_t table, size_t row, size_t column)
{
	struct rules *r = c->rules;
	const struct form *f = r->form;
	const char *row_path = row != FORM_NONE ? f->tables[table].rows[row].path : NULL;
	char *eq = substitute(c->rule->assert, column, row_path);
	size_t first = r->nterms, nleft, nright;
	bool ok = parse_equation(c, eq, &nleft, &nright);
	free(eq);
	if (!ok)
		return false;
	size_t target = r->terms[first].cell;
	if (c->rule->cell) {
		char *cell = substitute(c->rule->cell, column, row_path);
		target = form_find_cell(f, cell);
		if (target == FORM_NONE)
			ok = compile_fail(c, "cell 找不到：%s", cell);
		free(cell);
		if (!ok)
			return false;
	}
	for (size_t i = first; i < r->nterms; i++)
		if (f->cells[r->terms[i].cell].type == FORM_TEXT)
			return compile_fail(c, "算式中不能有正文格：%s",
					    f->cells[r->terms[i].cell].path);
	if (c->rule->fill && (nleft != 1 || r->terms[first].cell != target ||
			      r->terms[first].sign != 1 || r->terms[first].previous))
		return compile_fail(c, "%s", "fill 要求算式左边只有 cell 这一格");
	struct rule_check *k = new_check(r);
	k->kind = CHECK_EQUATION;
	k->rule = c->rule_index;
	k->cell = target;
	k->table = table;
	k->row = row;
	k->column = column;
	k->first_term = first;
	k->nleft = nleft;
	k->nright = nright;
	k->previous = c->rule->needs_previous;
	k->fill = c->rule->fill;
	return true;
}

/* One check of kind per text cell named in paths. */
static bool compile_text_checks(struct compiler *c, char *const *paths, size_t npaths,
				enum check_kind kind)
{
	const struct form *f = c->rules->form;
	for (size_t i = 0; i < npaths; i++) {
		size_t cell = form_find_cell(f, paths[i]);
		if (cell == FORM_NONE || f->cells[cell].type != FORM_TEXT)
			return compile_fail(c, "“%s”不是正文格", paths[i]);
		struct rule_check *k = new_check(c->rules);
		k->kind = kind;
		k->rule = c->rule_index;
		k->cell = cell;
	}
	return true;
}

/* The phrases of a phrases rule, then one check per text it reads. */
static bool compile_phrases(struct compiler *c)
{
	struct rules *r = c->rules;
	const struct form *f = r->form;
	const struct form_rule *rule = c->rule;
	size_t first = r->nphrases;
	for (size_t i = 0; i < rule->nphrases; i++) {
		const struct form_phrase *fp = &rule->phrases[i];
		char *why = NULL;
		struct phrase *ph = phrase_compile(fp->match, (size_t)rule->gap, &why);
		if (!ph) {
			compile_fail(c, "%s", why);
			free(why);
			return false;
		}
		r->phrases = xgrow(r->phrases, &r->cap_phrases, r->nphrases + 1,
				   sizeof *r->phrases);
		struct rule_phrase *rp = &r->phrases[r->nphrases++];
		*rp = (struct rule_phrase){ph, r->nterms, 0, fp->label};
		bool year = phrase_slot(ph) == PHRASE_SLOT_YEAR;
		if (year != !fp->value)
			return compile_fail(c,
					    year ? "{year} 的匹配式不写 value：%s"
						 : "匹配式要写 value（它说的是哪一格）：%s",
					    fp->match);
		for (const char *p = fp->value ? fp->value : ""; *p;) {
			size_t len = strcspn(p, " +");
			if (len) {
				char *ref = xstrndup(p, len);
				bool ok = resolve_ref(c, ref, 1);
				free(ref);
				if (!ok)
					return false;
			}
			p += len + (p[len] != '\0');
		}
		rp->nterms = r->nterms - rp->first_term;
		for (size_t t = rp->first_term; t < r->nterms; t++)
			if (f->cells[r->terms[t].cell].type != FORM_COUNT)
				return compile_fail(c, "value 只能是件数格：%s", fp->value);
		if (!rp->label && rp->nterms > 1)
			return compile_fail(c, "几格之和要写 label（它叫什么）：%s", fp->value);
		if (!rp->label && rp->nterms == 1)
			rp->label = f->cells[r->terms[rp->first_term].cell].label;
	}
	size_t nchecks = r->nchecks;
	if (!compile_text_checks(c, rule->texts, rule->ntexts, CHECK_PHRASES))
		return false;
	for (size_t k = nchecks; k < r->nchecks; k++) {
		r->checks[k].first_term = first;
		r->checks[k].nleft = rule->nphrases;
	}
	return true;
}

/* One check per cell a changes rule compares with last year's. */
static bool compile_changes(struct compiler *c)
{
	struct rules *r = c->rules;
	for (size_t i = 0; i < c->rule->nchanges; i++) {
		size_t first = r->nterms;
		if (!resolve_ref(c, c->rule->changes[i], 1))
			return false;
		for (size_t t = first; t < r->nterms; t++) {
			struct rule_check *k = new_check(r);
			k->kind = CHECK_CHANGE;
			k->rule = c->rule_index;
			k->cell = r->terms[t].cell;
			k->previous = true;
		}
		r->nterms = first; /* the cells are the checks' own */
	}
	return true;
}

static bool compile_rule(struct compiler *c)
{
	const struct form_rule *rule = c->rule;
	const struct form *f = c->rules->form;

	if (rule->value_type >= 0)
		return true; /* applied by the loader, when a value is read */
	if (rule->nrequired)
		return compile_text_checks(c, rule->required, rule->nrequired, CHECK_REQUIRED);
	if (rule->nphrases)
		return compile_phrases(c);
	if (rule->nchanges)
		return compile_changes(c);
	if (rule->repeat) {
		size_t n = c->rules->nchecks;
		bool ok = compile_text_checks(c, rule->texts, rule->ntexts, CHECK_REPEAT);
		for (size_t k = n; k < c->rules->nchecks; k++)
			c->rules->checks[k].previous = true;
		return ok;
	}
	if (rule->nmentions)
		return compile_text_checks(c, rule->texts, rule->ntexts, CHECK_MENTIONS);
	if (rule->ntexts)
		return compile_text_checks(c, rule->texts, rule->ntexts, CHECK_FORBIDDEN);
	if (!rule->assert)
		return compile_fail(c, "%s", "规则需要 assert、required、texts 或 value_type");
	if (!rule->each)
		return compile_instance(c, FORM_NONE, FORM_NONE, FORM_NONE);
	size_t table = rule->table ? form_find_table(f, rule->table) : FORM_NONE;
	if (table == FORM_NONE)
		return compile_fail(c, "each 需要存在的 table：%s", rule->table ? rule->table : "");
	const struct form_table *t = &f->tables[table];
	if (strcmp(rule->each, "column") == 0) {
		for (size_t col = 0; col < t->columns->ncolumns; col++)
			if (!compile_instance(c, table, FORM_NONE, col))
				return false;
		return true;
	}
	if (strcmp(rule->each, "row") == 0) {
		for (size_t row = 0; row < t->nrows; row++)
			if (!t->rows[row].group && !compile_instance(c, table, row, FORM_NONE))
				return false;
		return true;
	}
	return compile_fail(c, "each 只能是 column 或 row：%s", rule->each);
}

/* Orders the fill checks so that a total is derived after its parts. */
static bool order_fills(struct compiler *c)
{
	struct rules *r = c->rules;
	size_t *filler = xcalloc(r->form->ncells, sizeof *filler);
	for (size_t i = 0; i < r->form->ncells; i++)
		filler[i] = FORM_NONE;
	for (size_t k = 0; k < r->nchecks; k++)
		if (r->checks[k].fill) {
			filler[r->checks[k].cell] = k;
			r->derived[r->checks[k].cell] = true;
			r->nfills++;
		}
	bool changed = true;
	size_t rounds = 0;
	while (changed && rounds++ <= r->nchecks) {
		changed = false;
		for (size_t k = 0; k < r->nchecks; k++) {
			struct rule_check *ck = &r->checks[k];
			if (!ck->fill)
				continue;
			const struct rule_term *t = &r->terms[ck->first_term + ck->nleft];
			for (size_t i = 0; i < ck->nright; i++) {
				size_t dep = filler[t[i].cell];
				if (dep != FORM_NONE && r->checks[dep].level + 1 > ck->level) {
					ck->level = r->checks[dep].level + 1;
					changed = true;
				}
			}
		}
	}
	free(filler);
	if (changed) {
		c->rule = &r->form->rules[0];
		return compile_fail(c, "%s", "合计之间互相依赖，形成了循环");
	}
	r->fills = xcalloc(r->nfills + 1, sizeof *r->fills);
	size_t n = 0;
	for (int level = 0; n < r->nfills; level++)
		for (size_t k = 0; k < r->nchecks; k++)
			if (r->checks[k].fill && r->checks[k].level == level)
				r->fills[n++] = k;
	return true;
}

struct rules *rules_compile(const struct form *form, char **error)
{
	struct rules *r = xcalloc(1, sizeof *r);
	struct compiler c = {.rules = r};
	r->form = form;
	r->derived = xcalloc(form->ncells, sizeof *r->derived);
	for (size_t i = 0; i < form->nrules; i++) {
		c.rule = &form->rules[i];
		c.rule_index = i;
		if (!compile_rule(&c))
			break;
	}
	if (!c.error && form->nrules)
		order_fills(&c);
	if (c.error) {
		*error = c.error;
		rules_free(r);
		return NULL;
	}
	return r;
}

void rules_free(struct rules *r)
{
	if (!r)
		return;
	free(r->checks);
	free(r->terms);
	free(r->fills);
	free(r->derived);
	for (size_t i = 0; i < r->nphrases; i++)
		phrase_free(r->phrases[i].phrase);
	free(r->phrases);
	free(r);
}

static int64_t sum_terms(const struct rule_term *t, size_t n, const struct report *report,
			 const struct report *previous)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		const struct report *src = t[i].previous ? previous : report;
		sum += t[i].sign * src->numbers[t[i].cell];
	}
	return sum;
}

/* Whether text holds anything besides spaces and line breaks. */
static bool text_is_blank(const char *s)
{
	/* up to the first other character, not the text's whole length */
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		bool valid;
		i += utf8_decode(s + i, strnlen(s + i, 4), &cp, &valid);
		if (!utf8_is_space(cp))
			return false;
	}
	return true;
}

/* Whether phrase matches text at its start: each run of spaces in the
 * phrase takes one or more blanks, every other byte itself. */
static bool phrase_at(const char *text, size_t len, const char *phrase)
{
	size_t i = 0;
	for (const char *p = phrase; *p;) {
		if (*p == ' ') {
			size_t n = utf8_line_blanks(text + i, len - i); /* brackets on one line */
			if (!n)
				return false;
			i += n;
			p += strspn(p, " ");
		} else if (i < len && text[i] == *p) {
			i++;
			p++;
		} else {
			return false;
		}
	}
	return true;
}

static struct rule_failure *add_failure(struct rule_outcome *out, size_t check, int64_t left,
					int64_t right)
{
	out->failures = xgrow(out->failures, &out->cap, out->count + 1, sizeof *out->failures);
	out->failures[out->count] = (struct rule_failure){check, left, right, 0, 0, 0};
	return &out->failures[out->count++];
}

/* Phrases or forbidden words found in a text, as a scan finds them: by
 * which one of the check's (its phrase j or forbidden word i), then by
 * place; a word's match covers nothing (end and slot_at are at). */
struct hits {
	struct text_hit *items;
	size_t count, cap;
};

/* Per check, what its text held at the last evaluation, so that an edit
 * re-reads only the sentences it touched.  No phrase or word of the form
 * holds a 。 and no gap crosses one (local), so what is found between two
 * 。 depends on nothing outside them: not even 《 (in_title stops at 。). */
struct rules_memo {
	const struct rules *rules;   /* whose checks they are */
	const struct report *report; /* whose texts hits are of; NULL: none */
	struct text_hits *hits;	     /* per check, by place; empty but for text checks */
	size_t nchecks;
	struct hits fresh; /* a scan, kept so that a keystroke allocates nothing */
	char *scratch;	   /* a sentence range copied, so that strstr stops at its end */
	size_t scratch_cap;
};

static void add_hit(struct hits *h, size_t which, const struct phrase_match *m)
{
	h->items = xgrow(h->items, &h->cap, h->count + 1, sizeof *h->items);
	h->items[h->count++] = (struct text_hit){which, *m};
}

static int compare_hit_at(const void *a, const void *b)
{
	const struct text_hit *x = a, *y = b;
	if (x->m.at != y->m.at)
		return x->m.at < y->m.at ? -1 : 1;
	return (x->which > y->which) - (x->which < y->which);
}

/* h (offsets shifted by base) ordered by place, as text_hits keeps them. */
static void hits_by_place(struct hits *h, size_t base)
{
	for (size_t i = 0; i < h->count; i++) {
		h->items[i].m.at += base;
		h->items[i].m.end += base;
		h->items[i].m.slot_at += base;
	}
	if (h->count > 1)
		qsort(h->items, h->count, sizeof *h->items, compare_hit_at);
}

static int compare_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Appends to h, part by part and in each by place, where a word of each
 * part of the rule's mentions ("问题|不足") starts in [lo, hi) of text. */
static void scan_mentions(const struct form_rule *rule, const char *text, size_t lo, size_t hi,
			  struct hits *h)
{
	size_t *at = NULL, n = 0, cap = 0;
	for (size_t i = 0; i < rule->nmentions; i++) {
		n = 0;
		char word[128];
		for (const char *p = rule->mentions[i]; *p;) {
			size_t len = strcspn(p, "|");
			if (len && len < sizeof word) {
				memcpy(word, p, len);
				word[len] = '\0';
				for (const char *q = text + lo;
				     (q = strstr(q, word)) && (size_t)(q - text) < hi; q++) {
					at = xgrow(at, &cap, n + 1, sizeof *at);
					at[n++] = (size_t)(q - text);
				}
			}
			p += len + (p[len] == '|');
		}
		if (n > 1) /* qsort takes no NULL, even for nothing */
			qsort(at, n, sizeof *at, compare_size);
		for (size_t j = 0; j < n; j++) {
			struct phrase_match m = {.at = at[j], .end = at[j], .slot_at = at[j]};
			add_hit(h, i, &m);
		}
	}
	free(at);
}

/* Appends to h what check k finds starting in [lo, hi) of text[0..len)
 * (NUL-terminated), by which, then by place: each phrase's matches as
 * evaluate_phrases reads them, each forbidden word's every place. */
static void scan_hits(const struct rules *r, size_t k, const char *text, size_t len, size_t lo,
		      size_t hi, struct hits *h)
{
	const struct rule_check *ck = &r->checks[k];
	if (ck->kind == CHECK_PHRASES) {
		for (size_t j = 0; j < ck->nleft; j++) {
			const struct rule_phrase *rp = &r->phrases[ck->first_term + j];
			struct phrase_match m;
			for (size_t from = lo; phrase_find(rp->phrase, text, len, from, &m) &&
							       m.at<hi; from = m.end> from
						       ? m.end
						       : from + 1)
				add_hit(h, j, &m);
		}
		return;
	}
	const struct form_rule *rule = &r->form->rules[ck->rule];
	if (ck->kind == CHECK_MENTIONS) {
		scan_mentions(rule, text, lo, hi, h);
		return;
	}
	for (size_t i = 0; i < rule->nforbidden; i++) {
		const char *word = rule->forbidden[i];
		struct phrase_match m = {0};
		if (!strchr(word, ' ')) {
			for (const char *p = text + lo;
			     (p = strstr(p, word)) && (size_t)(p - text) < hi; p++) {
				m.at = m.end = m.slot_at = (size_t)(p - text);
				add_hit(h, i, &m);
			}
			continue;
		}
		for (size_t at = lo; at < hi; at++)
			if (phrase_at(text + at, len - at, word)) {
				m.at = m.end = m.slot_at = at;
				add_hit(h, i, &m);
			}
	}
}

/* Every phrase of the check's rule over its text, in the order written: a
 * figure that an earlier phrase already read ("上年结转 2 件" before
 * "结转 2 件") is not read again. */
static void evaluate_phrases(const struct rules *r, size_t k, const struct report *report,
			     const struct text_hits *h, struct rule_outcome *out)
{
	const struct rule_check *ck = &r->checks[k];
	size_t read[64], nread = 0;
	int64_t ahead = r->form->rules[ck->rule].ahead;
	/* by phrase, then by place; only the phrases found walk the hits */
	for (size_t j = 0; j < ck->nleft; j++)
		for (size_t x = 0; h->counts[j] && x < text_hits_count(h); x++) {
			struct text_hit hit = text_hits_get(h, x);
			if (hit.which != j)
				continue;
			const struct phrase_match *m = &hit.m;
			const struct rule_phrase *rp = &r->phrases[ck->first_term + j];
			enum phrase_slot slot = phrase_slot(rp->phrase);
			struct rule_failure *f = NULL;
			int64_t v = sum_terms(&r->terms[rp->first_term], rp->nterms, report, NULL);
			if (slot == PHRASE_SLOT_YEAR) {
				if (m->value < report->year || m->value > report->year + ahead)
					f = add_failure(out, k, m->value, report->year);
			} else if (slot == PHRASE_SLOT_NONE) {
				if (v != 0)
					f = add_failure(out, k, 0, v);
			} else {
				size_t i = 0;
				while (i < nread && read[i] != m->slot_at)
					i++;
				if (i < nread)
					continue;
				if (nread < sizeof read / sizeof read[0])
					read[nread++] = m->slot_at;
				if (m->value != v)
					f = add_failure(out, k, m->value, v);
			}
			if (f) {
				f->phrase = ck->first_term + j;
				f->at = m->at;
				f->len = m->end - m->at;
			}
		}
}

/* One failure per forbidden word found; left says which. */
static void evaluate_forbidden(size_t k, const struct text_hits *h, struct rule_outcome *out)
{
	for (size_t i = 0; i < h->nwhich; i++)
		if (h->counts[i])
			add_failure(out, k, (int64_t)i, 0);
}

/* A value that moved by more than factor times and by more than by
 * against last year's (3 -> 3000 and 120 -> 0 did; 0 -> 1, 3 -> 16 and
 * 550 -> 9487 did not). */
static bool changed_much(const struct form_rule *rule, int64_t a, int64_t b)
{
	int64_t lo = a < b ? a : b, hi = a < b ? b : a;
	return hi - lo > rule->by && hi > rule->factor * lo;
}

/* Whitespace and punctuation, which a copied text keeps or loses freely. */
static bool is_filler(uint32_t cp)
{
	return utf8_is_space(cp) ||
	       (cp < 0x80 && !(cp >= '0' && cp <= '9') &&
		!((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) ||
	       (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

#define SHINGLE 8

/* The hashes of text's character 8-grams (filler removed), in *out; the
 * caller frees it.  Returns their number. */
static size_t shingles(const char *s, uint64_t **out)
{
	size_t len = strlen(s), n = 0, cap = 0, count = 0;
	uint32_t *cps = NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		i += utf8_decode(s + i, len - i, &cp, &valid);
		if (!is_filler(cp)) {
			cps = xgrow(cps, &cap, n + 1, sizeof *cps);
			cps[n++] = cp;
		}
	}
	*out = NULL;
	if (n >= SHINGLE) {
		count = n - SHINGLE + 1;
		*out = xcalloc(count, sizeof **out);
		for (size_t i = 0; i < count; i++) {
			uint64_t h = 14695981039346656037u; /* FNV-1a */
			for (size_t j = 0; j < SHINGLE; j++)
				h = (h ^ cps[i + j]) * 1099511628211u;
			(*out)[i] = h;
		}
	}
	free(cps);
	return count;
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* How many of this year's 8-grams of cell also stand in last year's. */
static void evaluate_repeat(const struct rules *r, size_t k, const struct report *report,
			    const struct report *previous, struct rule_outcome *out)
{
	const struct rule_check *ck = &r->checks[k];
	uint64_t *now, *then;
	size_t nnow = shingles(report->texts[ck->cell], &now);
	size_t nthen = shingles(previous->texts[ck->cell], &then);
	size_t shared = 0;
	if (nnow && nthen) {
		qsort(then, nthen, sizeof *then, compare_u64);
		for (size_t i = 0; i < nnow; i++)
			shared += bsearch(&now[i], then, nthen, sizeof *then, compare_u64) != NULL;
	}
	if (nnow && (int64_t)shared * 100 > r->form->rules[ck->rule].repeat * (int64_t)nnow)
		add_failure(out, k, (int64_t)shared, (int64_t)nnow);
	free(now);
	free(then);
}

/* Whether what a text check finds between two 。 depends on nothing
 * outside them: none of the form's phrases or forbidden words holds one. */
static bool rules_local(const struct rules *r)
{
	for (size_t i = 0; i < r->form->nrules; i++) {
		const struct form_rule *rule = &r->form->rules[i];
		for (size_t j = 0; j < rule->nforbidden; j++)
			if (strstr(rule->forbidden[j], "。"))
				return false;
		for (size_t j = 0; j < rule->nphrases; j++)
			if (strstr(rule->phrases[j].match, "。"))
				return false;
		for (size_t j = 0; j < rule->nmentions; j++)
			if (strstr(rule->mentions[j], "。"))
				return false;
	}
	return true;
}

static bool is_text_check(const struct rule_check *ck)
{
	return ck->kind == CHECK_FORBIDDEN || ck->kind == CHECK_PHRASES ||
	       ck->kind == CHECK_MENTIONS;
}

/* How many words or phrases check ck looks for. */
static size_t check_words(const struct rules *r, const struct rule_check *ck)
{
	const struct form_rule *rule = &r->form->rules[ck->rule];
	if (ck->kind == CHECK_FORBIDDEN)
		return rule->nforbidden;
	if (ck->kind == CHECK_MENTIONS)
		return rule->nmentions;
	return ck->kind == CHECK_PHRASES ? ck->nleft : 0;
}

static void memo_free_hits(struct rules_memo *memo)
{
	for (size_t k = 0; k < memo->nchecks; k++)
		text_hits_fini(&memo->hits[k]);
	free(memo->hits);
}

static void memo_fini(struct rules_memo *memo)
{
	memo_free_hits(memo);
	free(memo->fresh.items);
	free(memo->scratch);
	memset(memo, 0, sizeof *memo);
}

/* memo made ready for r's checks, holding no report's texts. */
static void memo_prepare(const struct rules *r, struct rules_memo *memo)
{
	if (memo->nchecks != r->nchecks) {
		memo_free_hits(memo);
		memo->hits = xcalloc(r->nchecks + 1, sizeof *memo->hits);
		memo->nchecks = r->nchecks;
	}
	memo->rules = NULL;
	memo->report = NULL;
}

/* Check k's hits: what it finds in the whole of text. */
static void memo_read_text(const struct rules *r, struct rules_memo *memo, size_t k,
			   const char *text)
{
	size_t len = strlen(text);
	struct text_hits *h = &memo->hits[k];
	text_hits_fini(h);
	text_hits_init(h, check_words(r, &r->checks[k]), len);
	memo->fresh.count = 0;
	scan_hits(r, k, text, len, 0, len, &memo->fresh);
	hits_by_place(&memo->fresh, 0);
	text_hits_replace(h, 0, len, len, memo->fresh.items, memo->fresh.count);
}

/* Every check over report (errors_only: those of error rules); the text
 * checks from hits[k]. */
static void evaluate_all(const struct rules *r, const struct report *report,
			 const struct report *previous, const struct text_hits *hits,
			 bool errors_only, struct rule_outcome *out)
{
	out->count = 0;
	for (size_t k = 0; k < r->nchecks; k++) {
		const struct rule_check *ck = &r->checks[k];
		if (errors_only && r->form->rules[ck->rule].warning)
			continue;
		if (ck->kind == CHECK_REQUIRED) {
			if (text_is_blank(report->texts[ck->cell]))
				add_failure(out, k, 0, 0);
			continue;
		}
		if (ck->kind == CHECK_FORBIDDEN) {
			evaluate_forbidden(k, &hits[k], out);
			continue;
		}
		if (ck->kind == CHECK_PHRASES) {
			evaluate_phrases(r, k, report, &hits[k], out);
			continue;
		}
		if (ck->kind == CHECK_MENTIONS) {
			/* one failure per part not named; left says which */
			if (text_is_blank(report->texts[ck->cell]))
				continue;
			for (size_t i = 0; i < hits[k].nwhich; i++)
				if (!hits[k].counts[i])
					add_failure(out, k, (int64_t)i, 0);
			continue;
		}
		if (ck->previous && !previous)
			continue;
		if (ck->kind == CHECK_CHANGE) {
			int64_t a = report->numbers[ck->cell], b = previous->numbers[ck->cell];
			if (changed_much(&r->form->rules[ck->rule], a, b))
				add_failure(out, k, a, b);
			continue;
		}
		if (ck->kind == CHECK_REPEAT) {
			evaluate_repeat(r, k, report, previous, out);
			continue;
		}
		const struct rule_term *t = &r->terms[ck->first_term];
		int64_t left = sum_terms(t, ck->nleft, report, previous);
		int64_t right = sum_terms(t + ck->nleft, ck->nright, report, previous);
		if (left != right)
			add_failure(out, k, left, right);
	}
}

void rules_evaluate(const struct rules *r, const struct report *report,
		    const struct report *previous, struct rule_outcome *out)
{
	struct rules_memo untracked = {0}, *memo = out->memo ? out->memo : &untracked;
	memo_prepare(r, memo);
	for (size_t k = 0; k < r->nchecks; k++)
		if (is_text_check(&r->checks[k]))
			memo_read_text(r, memo, k, report->texts[r->checks[k].cell]);
	evaluate_all(r, report, previous, memo->hits, false, out);
	if (memo == &untracked) {
		memo_fini(&untracked);
	} else if (rules_local(r)) {
		memo->rules = r;
		memo->report = report;
	}
}

/* Where the sentence holding pos starts: just after the 。 before it. */
static size_t sentence_start(const char *text, size_t pos)
{
	while (pos >= 3 && memcmp(text + pos - 3, "。", 3) != 0)
		pos--;
	return pos >= 3 ? pos : 0;
}

/* Where the sentence holding pos ends: just after the next 。, or len. */
static size_t sentence_end(const char *text, size_t len, size_t pos)
{
	const char *p = pos < len ? strstr(text + pos, "。") : NULL;
	return p ? (size_t)(p - text) + 3 : len;
}

/* Check k's hits after the edit: those of the old [lo, old_hi) found
 * again in the new [lo, hi); the others stay where they are. */
static void memo_splice(const struct rules *r, struct rules_memo *memo, size_t k, const char *text,
			size_t lo, size_t hi, size_t old_hi)
{
	/* the sentences, with the 。 before them, alone in a string of their own */
	size_t s0 = lo >= 3 ? lo - 3 : 0;
	memo->scratch = xgrow(memo->scratch, &memo->scratch_cap, hi - s0 + 1, 1);
	memcpy(memo->scratch, text + s0, hi - s0);
	memo->scratch[hi - s0] = '\0';
	memo->fresh.count = 0;
	scan_hits(r, k, memo->scratch, hi - s0, lo - s0, hi - s0, &memo->fresh);
	hits_by_place(&memo->fresh, s0);
	text_hits_replace(&memo->hits[k], lo, old_hi, hi, memo->fresh.items, memo->fresh.count);
}

void rules_evaluate_edit(const struct rules *r, const struct report *report,
			 const struct report *previous, struct rule_outcome *out, size_t cell,
			 size_t len, size_t from, size_t old_to, size_t new_to)
{
	struct rules_memo *memo = out->memo;
	if (!memo || memo->rules != r || memo->report != report) {
		rules_evaluate(r, report, previous, out);
		return;
	}
	for (size_t k = 0; cell != FORM_NONE && k < r->nchecks; k++) {
		const struct rule_check *ck = &r->checks[k];
		if (!is_text_check(ck) || ck->cell != cell)
			continue;
		if (memo->hits[k].len + new_to != len + old_to || new_to > len) {
			rules_evaluate(r, report, previous, out); /* not the edit we were told */
			return;
		}
		const char *text = report->texts[cell];
		size_t lo = sentence_start(text, from), hi = sentence_end(text, len, new_to);
		memo_splice(r, memo, k, text, lo, hi, hi - new_to + old_to);
	}
	evaluate_all(r, report, previous, memo->hits, false, out);
}

void rule_outcome_fini(struct rule_outcome *out)
{
	free(out->failures);
	out->failures = NULL;
	out->count = out->cap = 0;
	if (out->memo) {
		memo_fini(out->memo);
		free(out->memo);
		out->memo = NULL;
	}
}

void rule_outcome_track_texts(struct rule_outcome *out)
{
	if (!out->memo)
		out->memo = xcalloc(1, sizeof *out->memo);
}

const char *rules_failure_rule(const struct rules *r, const struct rule_failure *f)
{
	return r->form->rules[r->checks[f->check].rule].id;
}

enum diag_severity rules_failure_severity(const struct rules *r, const struct rule_failure *f)
{
	return r->form->rules[r->checks[f->check].rule].warning ? DIAG_WARNING : DIAG_ERROR;
}

size_t rules_failure_cell(const struct rules *r, const struct rule_failure *f)
{
	return r->checks[f->check].cell;
}

bool rules_failure_involves(const struct rules *r, const struct rule_failure *f, size_t cell)
{
	const struct rule_check *ck = &r->checks[f->check];
	if (ck->cell == cell)
		return true;
	if (ck->kind == CHECK_PHRASES) {
		const struct rule_phrase *rp = &r->phrases[f->phrase];
		for (size_t i = 0; i < rp->nterms; i++)
			if (r->terms[rp->first_term + i].cell == cell)
				return true;
		return false;
	}
	if (ck->kind != CHECK_EQUATION)
		return false;
	const struct rule_term *t = &r->terms[ck->first_term];
	for (size_t i = 0; i < ck->nleft + ck->nright; i++)
		if (t[i].cell == cell && !t[i].previous)
			return true;
	return false;
}

/* text[at..at+len) without its spaces and line breaks, for quoting. */
static char *quote_text(const char *text, size_t at, size_t len)
{
	struct buf out;
	buf_init(&out);
	for (size_t i = at; i < at + len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(text + i, at + len - i, &cp, &valid);
		if (!utf8_is_space(cp))
			buf_add(&out, text + i, n);
		i += n;
	}
	return buf_take(&out);
}

static char *phrase_message(const struct rules *r, const struct report *report,
			    const struct rule_failure *f)
{
	const struct rule_check *ck = &r->checks[f->check];
	const struct form_rule *rule = &r->form->rules[ck->rule];
	const struct rule_phrase *rp = &r->phrases[f->phrase];
	const char *tpl = rule->phrases[f->phrase - ck->first_term].message;
	char written[32], value[32], year[32];
	snprintf(written, sizeof written, "%" PRId64, f->left);
	snprintf(value, sizeof value, "%" PRId64, f->right);
	snprintf(year, sizeof year, "%d", report->year);
	char *text = quote_text(report->texts[ck->cell], f->at, f->len);
	const struct template_var vars[] = {
		{"cell", r->form->cells[ck->cell].label},
		{"text", text},
		{"written", written},
		{"value", value},
		{"quantity", rp->label ? rp->label : ""},
		{"year", year},
	};
	struct buf out;
	buf_init(&out);
	template_expand(&out, tpl ? tpl : rule->message, vars, sizeof vars / sizeof vars[0]);
	free(text);
	return buf_take(&out);
}

static bool fits(const struct form *f, size_t cell, int64_t v)
{
	const struct form_type *t = &f->types[f->cells[cell].type];
	if (v < 0)
		return false;
	if (f->cells[cell].type == FORM_MONEY)
		return v < t->below * VALUE_MONEY_SCALE;
	return v <= t->max;
}

size_t rules_failure_cells(const struct rules *r, const struct rule_failure *f, size_t *out,
			   size_t max)
{
	const struct rule_check *ck = &r->checks[f->check];
	if (ck->kind != CHECK_EQUATION) {
		if (max)
			out[0] = ck->cell;
		return 1;
	}
	const struct rule_term *t = &r->terms[ck->first_term];
	size_t n = 0;
	for (size_t i = 0; i < ck->nleft + ck->nright; i++) {
		if (t[i].previous)
			continue;
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = !t[k].previous && t[k].cell == t[i].cell;
		if (seen)
			continue;
		if (n < max)
			out[n] = t[i].cell;
		n++;
	}
	return n;
}

/* left - right of check ck over report. */
static int64_t check_difference(const struct rules *r, const struct rule_check *ck,
				const struct report *report)
{
	const struct rule_term *t = &r->terms[ck->first_term];
	return sum_terms(t, ck->nleft, report, NULL) -
	       sum_terms(t + ck->nleft, ck->nright, report, NULL);
}

/* The failures of the error rules alone over report (no last year). */
static void evaluate_errors(const struct rules *r, const struct report *report,
			    struct rule_outcome *out)
{
	struct rules_memo memo = {0};
	memo_prepare(r, &memo);
	for (size_t k = 0; k < r->nchecks; k++) {
		const struct rule_check *ck = &r->checks[k];
		if (is_text_check(ck) && !r->form->rules[ck->rule].warning)
			memo_read_text(r, &memo, k, report->texts[ck->cell]);
	}
	evaluate_all(r, report, NULL, memo.hits, true, out);
	memo_fini(&memo);
}

/* Tries cell as the one to correct for ck: sets it (on the scratch copy
 * of the numbers in tmp) to the value that makes ck hold, totals
 * following, and counts the error failures left.  False when no value of
 * the cell makes ck hold. */
static bool try_cell(const struct rules *r, const struct report *report, struct report *tmp,
		     const struct rule_check *ck, size_t cell, struct rule_outcome *scratch,
		     struct rule_suggestion *out)
{
	const struct form *f = r->form;
	size_t bytes = f->ncells * sizeof *tmp->numbers;
	int64_t v = report->numbers[cell], before = check_difference(r, ck, report);
	/* the checks are linear: one probe gives how ck follows the cell */
	int64_t probe = fits(f, cell, v + 1) ? 1 : -1;
	memcpy(tmp->numbers, report->numbers, bytes);
	rules_set_number(r, tmp, cell, v + probe);
	int64_t slope = (check_difference(r, ck, tmp) - before) * probe;
	if (slope == 0 || before % slope != 0 || !fits(f, cell, v - before / slope))
		return false;
	int64_t value = v - before / slope;
	memcpy(tmp->numbers, report->numbers, bytes);
	rules_set_number(r, tmp, cell, value);
	if (check_difference(r, ck, tmp) != 0)
		return false; /* a total that could not follow */
	/* only errors count: the warnings' text scans (a narrative of 90,000
	 * characters) are not read again for every cell tried */
	evaluate_errors(r, tmp, scratch);
	size_t errors = scratch->count;
	*out = (struct rule_suggestion){cell, value, errors};
	return true;
}

bool rules_suggest_cell(const struct rules *r, const struct report *report,
			const struct rule_failure *f, size_t last_cell, struct rule_suggestion *out)
{
	const struct rule_check *ck = &r->checks[f->check];
	if (ck->kind != CHECK_EQUATION || ck->previous)
		return false;
	size_t n = rules_failure_cells(r, f, NULL, 0);
	size_t *cells = xcalloc(n + 1, sizeof *cells);
	rules_failure_cells(r, f, cells, n);
	if (last_cell < r->form->ncells && r->form->cells[last_cell].type != FORM_TEXT) {
		size_t k = 0;
		while (k < n && cells[k] != last_cell)
			k++;
		if (k == n)
			cells[n++] = last_cell;
	}
	struct report tmp = *report;
	tmp.numbers = xcalloc(r->form->ncells, sizeof *tmp.numbers);
	struct rule_outcome scratch = {0};
	bool found = false;
	for (size_t k = 0; k < n; k++) {
		struct rule_suggestion s;
		if (!try_cell(r, report, &tmp, ck, cells[k], &scratch, &s))
			continue;
		/* fewer failures left wins; on a tie, the cell just typed, then
		 * the check's own */
		bool better = !found || s.remaining < out->remaining ||
			      (s.remaining == out->remaining && out->cell != last_cell &&
			       (s.cell == last_cell ||
				(s.cell == ck->cell && out->cell != ck->cell)));
		if (better)
			*out = s;
		found = true;
	}
	rule_outcome_fini(&scratch);
	free(tmp.numbers);
	free(cells);
	return found;
}

static void format_amount(enum form_value_type type, int64_t v, char out[32])
{
	if (type == FORM_MONEY)
		value_format_money(v, out);
	else
		snprintf(out, 32, "%" PRId64, v);
}

static char *failure_text(const struct rules *r, const struct report *report,
			  const struct rule_failure *f)
{
	const struct form *form = r->form;
	const struct rule_check *ck = &r->checks[f->check];
	const struct form_cell *cell = &form->cells[ck->cell];
	char left[32], right[32], diff[32];
	if (ck->kind == CHECK_PHRASES)
		return phrase_message(r, report, f);
	enum form_value_type type = cell->type;
	int64_t d = f->left > f->right ? f->left - f->right : f->right - f->left;
	format_amount(type, f->left, left);
	format_amount(type, f->right, right);
	format_amount(type, d, diff);
	const char *row = "", *column = "";
	if (cell->table != FORM_NONE) {
		const struct form_table *t = &form->tables[cell->table];
		row = t->rows[cell->row].label;
		column = t->columns->columns[cell->column].label;
	}
	if (ck->column != FORM_NONE)
		column = form->tables[ck->table].columns->columns[ck->column].label;
	if (ck->row != FORM_NONE)
		row = form->tables[ck->table].rows[ck->row].label;
	(void)report;
	const char *found = "";
	if (ck->kind == CHECK_FORBIDDEN)
		found = form->rules[ck->rule].forbidden[f->left];
	struct buf missing; /* mentions: the part not named, as 问题”或“不足 */
	buf_init(&missing);
	for (const char *p = ck->kind == CHECK_MENTIONS ? form->rules[ck->rule].mentions[f->left]
							: "";
	     *p; p++) {
		if (*p == '|')
			buf_adds(&missing, "”或“");
		else
			buf_addc(&missing, *p);
	}
	char share[32];
	snprintf(share, sizeof share, "%" PRId64 "%%", f->right ? f->left * 100 / f->right : 0);
	const struct template_var vars[] = {
		{"cell", cell->label}, {"row", row},	 {"column", column},
		{"left", left},	       {"right", right}, {"diff", diff},
		{"found", found},      {"share", share}, {"missing", missing.data},
	};
	struct buf out;
	buf_init(&out);
	template_expand(&out, form->rules[ck->rule].message, vars, sizeof vars / sizeof vars[0]);
	buf_fini(&missing);
	return buf_take(&out);
}

const char *rules_failure_acknowledged(const struct rules *r, const struct report *report,
				       const struct rule_failure *f)
{
	if (!report->nacks || rules_failure_severity(r, f) != DIAG_WARNING)
		return NULL;
	const struct report_ack *a = ack_find(report, rules_failure_rule(r, f),
					      r->checks[f->check].cell);
	return a ? a->reason : NULL;
}

char *rules_failure_message(const struct rules *r, const struct report *report,
			    const struct rule_failure *f)
{
	char *text = failure_text(r, report, f);
	const char *reason = rules_failure_acknowledged(r, report, f);
	if (!reason)
		return text;
	/* still said, so that a reader of check sees what was checked */
	char *marked = xasprintf("%s（已核实：%s）", text, reason);
	free(text);
	return marked;
}

void rules_diagnose(const struct rules *r, const struct report *report,
		    const struct report *previous, struct diag_list *diags)
{
	struct rule_outcome out = {0};
	rules_evaluate(r, report, previous, &out);
	for (size_t i = 0; i < out.count; i++) {
		const struct rule_failure *f = &out.failures[i];
		size_t cell = rules_failure_cell(r, f);
		char *msg = rules_failure_message(r, report, f);
		diag_list_add(diags, rules_failure_severity(r, f), rules_failure_rule(r, f),
			      r->form->cells[cell].path, report->marks[cell].line,
			      report->marks[cell].column, msg);
		free(msg);
	}
	rule_outcome_fini(&out);
	if (previous &&
	    (previous->year != report->year - 1 || strcmp(previous->organ, report->organ) != 0)) {
		char *msg;
		if (previous->year != report->year - 1)
			msg = xasprintf(
				"上年报告是 %d 年度的，本报告是 %d 年度的：跨年核对应使用 %d 年度的报告",
				previous->year, report->year, report->year - 1);
		else
			msg = xasprintf("上年报告的发布机关是“%s”，与本报告的“%s”不同",
					previous->organ, report->organ);
		const struct report_mark *m =
			&report->key_marks[previous->year != report->year - 1 ? REPORT_KEY_YEAR
									      : REPORT_KEY_ORGAN];
		diag_list_add(diags, DIAG_WARNING, "carry.previous", NULL, m->line, m->column, msg);
		free(msg);
	}
}

bool rules_cell_is_derived(const struct rules *r, size_t cell)
{
	return r->derived[cell];
}

size_t rules_set_number(const struct rules *r, struct report *report, size_t cell, int64_t value)
{
	bool held_stack[256];
	bool *held = r->nfills <= 256 ? held_stack : xcalloc(r->nfills, sizeof *held);
	size_t changed = 0;

	for (size_t i = 0; i < r->nfills; i++) {
		const struct rule_check *ck = &r->checks[r->fills[i]];
		const struct rule_term *t = &r->terms[ck->first_term];
		held[i] = sum_terms(t, 1, report, NULL) ==
			  sum_terms(t + 1, ck->nright, report, NULL);
	}
	report->numbers[cell] = value;
	for (size_t i = 0; i < r->nfills; i++) {
		const struct rule_check *ck = &r->checks[r->fills[i]];
		if (!held[i] || ck->cell == cell)
			continue;
		int64_t v = sum_terms(&r->terms[ck->first_term + 1], ck->nright, report, NULL);
		if (v != report->numbers[ck->cell] && fits(r->form, ck->cell, v)) {
			report->numbers[ck->cell] = v;
			changed++;
		}
	}
	if (held != held_stack)
		free(held);
	return changed;
}

void rules_fill_all(const struct rules *r, struct report *report)
{
	for (size_t i = 0; i < r->nfills; i++) {
		const struct rule_check *ck = &r->checks[r->fills[i]];
		int64_t v = sum_terms(&r->terms[ck->first_term + 1], ck->nright, report, NULL);
		if (fits(r->form, ck->cell, v))
			report->numbers[ck->cell] = v;
	}
}

size_t rules_carry_forward(const struct rules *r, const struct report *last, struct report *next)
{
	size_t set = 0;
	for (size_t k = 0; k < r->nchecks; k++) {
		const struct rule_check *ck = &r->checks[k];
		const struct rule_term *t = &r->terms[ck->first_term];
		if (ck->kind != CHECK_EQUATION || !ck->previous || ck->nleft != 1 ||
		    t[0].previous || t[0].sign != 1)
			continue;
		bool from_last = false;
		for (size_t i = 1; i <= ck->nright; i++)
			from_last = from_last || t[i].previous;
		int64_t v = sum_terms(t + 1, ck->nright, next, last);
		if (from_last && fits(r->form, t[0].cell, v)) {
			next->numbers[t[0].cell] = v;
			set++;
		}
	}
	return set;
}

size_t rules_check_count(const struct rules *r)
{
	return r->nchecks;
}
