/* The values of a report; see report.h. */
#include "report.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "template.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

static const char *const key_names[REPORT_KEYS] = {"form",	"organ", "year",
						   "issued_on", "draft", "confirmed"};

const char *report_key_name(enum report_key key)
{
	return key_names[key];
}

char *report_section_key(const struct form *form, size_t section)
{
	const struct form_section *sec = &form->sections[section];
	if (!sec->nitems)
		return xasprintf("section%zu", section + 1);
	const struct form_item *it = &sec->items[0];
	size_t cell = it->kind == FORM_ITEM_TABLE ? form->tables[it->index].rows[0].first_cell
						  : it->index;
	/* a narrative by its own key (text.overview), a table by the top key */
	const char *path = form->cells[cell].path;
	if (form->cells[cell].type == FORM_TEXT) {
		const char *dot = strrchr(path, '.');
		return xstrdup(dot ? dot + 1 : path);
	}
	return xstrndup(path, strcspn(path, ".["));
}

size_t report_find_section(const struct form *form, const char *key)
{
	for (size_t s = 0; s < form->nsections; s++) {
		char *name = report_section_key(form, s);
		bool same = strcmp(name, key) == 0;
		free(name);
		if (same)
			return s;
	}
	return FORM_NONE;
}

struct report *report_new(const struct form *form)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->form = form;
	r->organ = xstrdup("");
	r->numbers = xcalloc(form->ncells, sizeof *r->numbers);
	r->texts = xcalloc(form->ncells, sizeof *r->texts);
	r->marks = xcalloc(form->ncells, sizeof *r->marks);
	r->confirmed = xcalloc(form->nsections + 1, sizeof *r->confirmed);
	for (size_t i = 0; i < form->ncells; i++)
		if (form->cells[i].type == FORM_TEXT)
			r->texts[i] = xstrdup("");
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->form->ncells; i++)
		free(r->texts[i]);
	free(r->texts);
	free(r->numbers);
	free(r->marks);
	free(r->confirmed);
	free(r->organ);
	for (size_t i = 0; i < r->nacks; i++) {
		free(r->acks[i].rule);
		free(r->acks[i].path);
		free(r->acks[i].reason);
		free(r->acks[i].value);
	}
	free(r->acks);
	free(r);
}

struct report *report_clone(const struct report *src)
{
	const struct form *f = src->form;
	struct report *r = xcalloc(1, sizeof *r);
	*r = *src;
	r->organ = xstrdup(src->organ);
	r->numbers = xcalloc(f->ncells, sizeof *r->numbers);
	memcpy(r->numbers, src->numbers, f->ncells * sizeof *r->numbers);
	r->marks = xcalloc(f->ncells, sizeof *r->marks);
	memcpy(r->marks, src->marks, f->ncells * sizeof *r->marks);
	r->confirmed = xcalloc(f->nsections + 1, sizeof *r->confirmed);
	memcpy(r->confirmed, src->confirmed, f->nsections * sizeof *r->confirmed);
	r->texts = xcalloc(f->ncells, sizeof *r->texts);
	for (size_t i = 0; i < f->ncells; i++)
		if (src->texts[i])
			r->texts[i] = xstrdup(src->texts[i]);
	r->acks = xcalloc(src->nacks + 1, sizeof *r->acks);
	for (size_t i = 0; i < src->nacks; i++)
		r->acks[i] = (struct report_ack){
			xstrdup(src->acks[i].rule), xstrdup(src->acks[i].path),
			xstrdup(src->acks[i].reason), xstrdup(src->acks[i].value)};
	return r;
}

bool report_equal(const struct report *a, const struct report *b)
{
	if (a->form != b->form || strcmp(a->organ, b->organ) != 0 || a->year != b->year ||
	    a->draft != b->draft || memcmp(&a->issued_on, &b->issued_on, sizeof a->issued_on) != 0)
		return false;
	if (memcmp(a->confirmed, b->confirmed, a->form->nsections * sizeof *a->confirmed) != 0)
		return false;
	for (size_t i = 0; i < a->form->ncells; i++) {
		if (a->numbers[i] != b->numbers[i])
			return false;
		if (a->texts[i] && strcmp(a->texts[i], b->texts[i]) != 0)
			return false;
	}
	if (a->nacks != b->nacks)
		return false;
	for (size_t i = 0; i < a->nacks; i++)
		if (strcmp(a->acks[i].rule, b->acks[i].rule) ||
		    strcmp(a->acks[i].path, b->acks[i].path) ||
		    strcmp(a->acks[i].reason, b->acks[i].reason) ||
		    strcmp(a->acks[i].value, b->acks[i].value))
			return false;
	return true;
}

void report_set_organ(struct report *r, const char *organ)
{
	free(r->organ);
	r->organ = xstrdup(organ);
}

void report_set_text(struct report *r, size_t cell, const char *text, size_t len)
{
	free(r->texts[cell]);
	r->texts[cell] = xstrndup(text, len);
}

char *report_title(const struct report *r)
{
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	const struct template_var vars[] = {{"organ", r->organ}, {"year", year}};
	struct buf out;
	buf_init(&out);
	template_expand(&out, r->form->title, vars, 2);
	return buf_take(&out);
}

/* C0 and C1 controls and DEL, which no narrative or name needs. */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

const char *report_organ_problem(const char *organ, size_t len)
{
	size_t chars = 0, i = 0;
	bool blank = true;
	if (!utf8_validate(organ, len, NULL))
		return "不是有效的 UTF-8 文字";
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(organ + i, len - i, &cp, &ok);
		if (cp == '\n' || cp == '\r')
			return "只能写一行";
		if (is_control(cp))
			return "不能含有控制字符";
		if (!utf8_is_space(cp))
			blank = false;
		chars++;
	}
	if (blank)
		return "不能为空";
	if (chars > REPORT_ORGAN_MAX_CHARS)
		return "超过 100 个字";
	return NULL;
}

const char *report_text_problem(const char *text, size_t len, size_t max_chars)
{
	size_t chars = 0, i = 0;
	if (!utf8_validate(text, len, NULL))
		return "不是有效的 UTF-8 文字";
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(text + i, len - i, &cp, &ok);
		if (is_control(cp) && cp != '\n' && cp != '\t')
			return "含有控制字符（只允许换行和制表符）";
		chars++;
	}
	if (chars > max_chars)
		return "文字太长";
	return NULL;
}

#define STRINGIFY(x) #x
#define NUMBER(x) STRINGIFY(x)

const char *report_parse_year(const char *text, size_t len, int *year)
{
	int64_t value;
	const char *problem;
	if (!value_parse_count(text, len, 9999, &value, &problem) || value < REPORT_YEAR_MIN ||
	    value > REPORT_YEAR_MAX)
		return "应为 " NUMBER(REPORT_YEAR_MIN) " 到 " NUMBER(REPORT_YEAR_MAX) " 之间的年份";
	*year = (int)value;
	return NULL;
}

void report_format_number(const struct report *r, size_t cell, char out[REPORT_NUMBER_SIZE])
{
	if (r->form->cells[cell].type == FORM_MONEY)
		value_format_money(r->numbers[cell], out);
	else
		snprintf(out, REPORT_NUMBER_SIZE, "%" PRId64, r->numbers[cell]);
}
