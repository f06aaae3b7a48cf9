/* The portal page (render_html.h).  The body is built from the form, as
 * the text renderer builds its lines: nothing here knows which tables a
 * report has.  The page around it is templates/report.html. */
#include "render_html.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "form.h"
#include "page_templates_builtin.h"
#include "report.h"
#include "report_load.h"
#include "templates.h"
#include "value.h"
#include "xalloc.h"

#define PAGE_TEMPLATE_MAX (256u << 10)

enum { VAR_TITLE, VAR_ORGAN, VAR_YEAR, VAR_BODY, NVARS };
static const char *const var_names[NVARS] = {"title", "organ", "year", "body"};

/* The variable named at p ("{{name}}"), NVARS when it is none; *end is set
 * past the closing braces (NULL when they are missing). */
static int var_at(const char *p, const char **end)
{
	const char *close = strstr(p + 2, "}}");
	*end = close ? close + 2 : NULL;
	for (int v = 0; close && v < NVARS; v++)
		if ((size_t)(close - p - 2) == strlen(var_names[v]) &&
		    memcmp(p + 2, var_names[v], strlen(var_names[v])) == 0)
			return v;
	return NVARS;
}

static char *error_at(const char *where, const char *data, const char *at, const char *msg)
{
	int line = 1, column = 1;
	for (const char *p = data; p < at; p++) {
		if (*p == '\n') {
			line++;
			column = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			column++;
		}
	}
	return xasprintf("%s:%d:%d: %s", where, line, column, msg);
}

/* NULL when data is a page template, else why not (the caller frees it). */
static char *template_problem(const char *where, const char *data)
{
	int bodies = 0;
	for (const char *p = strstr(data, "{{"); p; p = strstr(p, "{{")) {
		const char *end;
		int v = var_at(p, &end);
		if (v == NVARS) {
			const char *stop = end ? end : p + 2;
			char *msg = xasprintf(
				"页面模板中的“%.*s”不认识：可用的有 {{title}}、{{organ}}、"
				"{{year}}、{{body}}",
				(int)(stop - p), p);
			char *e = error_at(where, data, p, msg);
			free(msg);
			return e;
		}
		if (v == VAR_BODY && bodies++)
			return error_at(where, data, p, "页面模板中的 {{body}} 只能出现一次");
		p = end;
	}
	if (!bodies)
		return error_at(where, data, data, "页面模板中缺少 {{body}}（报告的正文放在那里）");
	return NULL;
}

char *render_html_template(const char *dir, char **error)
{
	char *data = NULL, *where = NULL;
	if (dir && *dir) {
		char *path = xasprintf("%s/report.html", dir);
		if (access(path, F_OK) != 0) {
			free(path);
		} else {
			size_t len;
			struct diag_list diags;
			diag_list_init(&diags);
			data = report_read_file(path, PAGE_TEMPLATE_MAX, &len, &diags);
			if (!data)
				*error = xasprintf("%s: %s", path,
						   diags.count ? diags.items[0].message
							       : "无法读取");
			diag_list_fini(&diags);
			if (!data) {
				free(path);
				return NULL;
			}
			where = path;
		}
	}
	for (size_t i = 0; !data && i < page_templates_builtin_count; i++)
		if (strcmp(page_templates_builtin[i].name, "report") == 0) {
			data = xstrndup(page_templates_builtin[i].data,
					page_templates_builtin[i].len);
			where = xstrdup("templates/report.html（内置）");
		}
	if (!data) {
		*error = xstrdup("templates/report.html: 程序中缺少这个页面模板");
		return NULL;
	}
	*error = template_problem(where, data);
	free(where);
	if (*error) {
		free(data);
		return NULL;
	}
	return data;
}

/* text[0..len) with the five characters HTML gives meaning to escaped. */
static void add_escaped(struct buf *out, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (text[i]) {
		case '&':
			buf_adds(out, "&amp;");
			break;
		case '<':
			buf_adds(out, "&lt;");
			break;
		case '>':
			buf_adds(out, "&gt;");
			break;
		case '"':
			buf_adds(out, "&quot;");
			break;
		case '\'':
			buf_adds(out, "&#39;");
			break;
		default:
			buf_addc(out, text[i]);
		}
	}
}

static void add_escaped_s(struct buf *out, const char *text)
{
	add_escaped(out, text, strlen(text));
}

/* A narrative: each line a paragraph, as reports are written; the
 * indent typed before it (spaces, U+3000) is the style sheet's to give. */
static void add_narrative(struct buf *out, const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		const char *end = nl ? nl : p + strlen(p);
		const char *q = p;
		while (q < end &&
		       (*q == ' ' || *q == '\t' || (end - q >= 3 && memcmp(q, "\u3000", 3) == 0)))
			q += *q == ' ' || *q == '\t' ? 1 : 3;
		size_t len = (size_t)(end - q);
		while (len && (q[len - 1] == ' ' || q[len - 1] == '\t' || q[len - 1] == '\r'))
			len--;
		if (len) {
			buf_adds(out, "<p>");
			add_escaped(out, q, len);
			buf_adds(out, "</p>\n");
		}
		p = nl ? nl + 1 : end;
	}
}

static void add_number(struct buf *out, const struct report *r, size_t cell)
{
	char num[32];
	if (r->form->cells[cell].type == FORM_MONEY)
		value_format_money(r->numbers[cell], num);
	else
		snprintf(num, sizeof num, "%" PRId64, r->numbers[cell]);
	buf_addf(out, "<td>%s</td>", num);
}

/* Per row of t: the rows under it that hold values (leaves), the first of
 * them, and how many label columns the deepest row needs. */
struct row_spans {
	size_t *leaves;
	size_t *first;
	size_t levels;
};

static void row_spans_init(struct row_spans *s, const struct form_table *t)
{
	s->leaves = xcalloc(t->nrows ? t->nrows : 1, sizeof *s->leaves);
	s->first = xmalloc((t->nrows ? t->nrows : 1) * sizeof *s->first);
	s->levels = 1;
	for (size_t i = 0; i < t->nrows; i++)
		s->first[i] = FORM_NONE;
	for (size_t i = 0; i < t->nrows; i++) {
		if (t->rows[i].group)
			continue;
		if (t->rows[i].depth + 1 > s->levels)
			s->levels = t->rows[i].depth + 1;
		for (size_t p = i; p != FORM_NONE; p = t->rows[p].parent) {
			s->leaves[p]++;
			if (s->first[p] == FORM_NONE)
				s->first[p] = i;
		}
	}
}

static void row_spans_fini(struct row_spans *s)
{
	free(s->leaves);
	free(s->first);
}

static void add_span(struct buf *out, const char *attr, size_t n)
{
	if (n > 1)
		buf_addf(out, " %s=\"%zu\"", attr, n);
}

/* Whether columns a and b share their header groups down to level. */
static bool same_groups(const struct form_column *a, const struct form_column *b, size_t level)
{
	if (a->ngroups <= level || b->ngroups <= level)
		return false;
	for (size_t l = 0; l <= level; l++)
		if (strcmp(a->groups[l], b->groups[l]) != 0)
			return false;
	return true;
}

/* The header of a table by rows: the corner cell, the column groups over
 * their spans, each column label under its groups down to the last line. */
static void add_header(struct buf *out, const struct form_table *t, size_t label_columns)
{
	const struct form_column_set *cols = t->columns;
	size_t levels = 0;
	for (size_t c = 0; c < cols->ncolumns; c++)
		if (cols->columns[c].ngroups > levels)
			levels = cols->columns[c].ngroups;
	buf_adds(out, "<thead>\n");
	for (size_t level = 0; level <= levels; level++) {
		buf_adds(out, "<tr>");
		if (level == 0) {
			buf_adds(out, "<th scope=\"col\"");
			add_span(out, "colspan", label_columns);
			add_span(out, "rowspan", levels + 1);
			buf_addc(out, '>');
			if (t->label_header)
				add_escaped_s(out, t->label_header);
			buf_adds(out, "</th>");
		}
		for (size_t c = 0; c < cols->ncolumns; c++) {
			const struct form_column *col = &cols->columns[c];
			if (col->ngroups > level) {
				if (c && same_groups(&cols->columns[c - 1], col, level))
					continue;
				size_t span = 1;
				while (c + span < cols->ncolumns &&
				       same_groups(col, &cols->columns[c + span], level))
					span++;
				buf_adds(out, "<th scope=\"colgroup\"");
				add_span(out, "colspan", span);
				buf_addc(out, '>');
				add_escaped_s(out, col->groups[level]);
				buf_adds(out, "</th>");
			} else if (col->ngroups == level) {
				buf_adds(out, "<th scope=\"col\"");
				add_span(out, "rowspan", levels + 1 - level);
				buf_addc(out, '>');
				add_escaped_s(out, col->label);
				buf_adds(out, "</th>");
			}
		}
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "</thead>\n");
}

/* A table by rows: a group's label spans the rows under it, a row's label
 * spans the label columns its depth leaves free. */
static void add_table_by_rows(struct buf *out, const struct form_table *t, const struct report *r,
			      const struct row_spans *s)
{
	add_header(out, t, s->levels);
	buf_adds(out, "<tbody>\n");
	for (size_t i = 0; i < t->nrows; i++) {
		const struct form_row *row = &t->rows[i];
		if (row->group)
			continue;
		size_t chain[16], n = 0;
		for (size_t p = row->parent; p != FORM_NONE && n < 16; p = t->rows[p].parent)
			chain[n++] = p;
		buf_adds(out, "<tr>");
		while (n-- > 0) {
			if (s->first[chain[n]] != i)
				continue;
			buf_adds(out, "<th class=\"row\" scope=\"rowgroup\"");
			add_span(out, "rowspan", s->leaves[chain[n]]);
			buf_addc(out, '>');
			add_escaped_s(out, t->rows[chain[n]].label);
			buf_adds(out, "</th>");
		}
		buf_adds(out, "<th class=\"row\" scope=\"row\"");
		add_span(out, "colspan", s->levels - row->depth);
		buf_addc(out, '>');
		add_escaped_s(out, row->label);
		buf_adds(out, "</th>");
		for (size_t c = 0; c < t->columns->ncolumns; c++)
			add_number(out, r, row->first_cell + c);
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "</tbody>\n");
}

/* A table printed as one row (print: one_row): the rows become column
 * groups over the columns, one line of values. */
static void add_table_one_row(struct buf *out, const struct form_table *t, const struct report *r,
			      const struct row_spans *s)
{
	size_t ncols = t->columns->ncolumns;
	buf_adds(out, "<thead>\n");
	for (size_t level = 0; level < s->levels; level++) {
		buf_adds(out, "<tr>");
		for (size_t i = 0; i < t->nrows; i++) {
			const struct form_row *row = &t->rows[i];
			if (row->depth != level)
				continue;
			buf_adds(out, "<th scope=\"colgroup\"");
			add_span(out, "colspan", s->leaves[i] * ncols);
			if (!row->group)
				add_span(out, "rowspan", s->levels - level);
			buf_addc(out, '>');
			add_escaped_s(out, row->label);
			buf_adds(out, "</th>");
		}
		buf_adds(out, "</tr>\n");
	}
	buf_adds(out, "<tr>");
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; !t->rows[i].group && c < ncols; c++) {
			buf_adds(out, "<th scope=\"col\">");
			add_escaped_s(out, t->columns->columns[c].label);
			buf_adds(out, "</th>");
		}
	buf_adds(out, "</tr>\n</thead>\n<tbody>\n<tr>");
	for (size_t i = 0; i < t->nrows; i++)
		for (size_t c = 0; !t->rows[i].group && c < ncols; c++)
			add_number(out, r, t->rows[i].first_cell + c);
	buf_adds(out, "</tr>\n</tbody>\n");
}

static void add_table(struct buf *out, const struct form_table *t, const struct report *r)
{
	struct row_spans s;
	row_spans_init(&s, t);
	buf_adds(out, "<table id=\"");
	add_escaped_s(out, t->id);
	buf_adds(out, "\">\n");
	if (t->title) {
		buf_adds(out, "<caption>");
		add_escaped_s(out, t->title);
		buf_adds(out, "</caption>\n");
	}
	if (t->print_one_row)
		add_table_one_row(out, t, r, &s);
	else
		add_table_by_rows(out, t, r, &s);
	buf_adds(out, "</table>\n");
	row_spans_fini(&s);
}

static char *page_body(const struct report *r)
{
	const struct form *f = r->form;
	struct buf out;
	buf_init(&out);
	if (r->draft) {
		buf_adds(&out, "<p class=\"draft\">");
		add_escaped_s(&out, templates_get(TEMPLATES_TEXT_DRAFT_LINE));
		buf_adds(&out, "</p>\n");
	}
	char *title = report_title(r);
	buf_adds(&out, "<h1>");
	add_escaped_s(&out, title);
	buf_adds(&out, "</h1>\n");
	free(title);
	for (size_t s = 0; s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		buf_adds(&out, "<section>\n<h2>");
		add_escaped_s(&out, sec->heading);
		buf_adds(&out, "</h2>\n");
		for (size_t i = 0; i < sec->nitems; i++) {
			const struct form_item *item = &sec->items[i];
			if (item->kind == FORM_ITEM_TEXT)
				add_narrative(&out, r->texts[item->index]);
			else
				add_table(&out, &f->tables[item->index], r);
		}
		buf_adds(&out, "</section>\n");
	}
	if (r->issued_on.year) {
		char *date = templates_signature_date(r->issued_on.year, r->issued_on.month,
						      r->issued_on.day);
		buf_adds(&out, "<p class=\"signature\">");
		add_escaped_s(&out, r->organ);
		buf_adds(&out, "<br>\n");
		add_escaped_s(&out, date);
		buf_adds(&out, "</p>\n");
		free(date);
	}
	return buf_take(&out);
}

char *render_html(const struct report *r, const char *template, size_t *len)
{
	char *body = page_body(r), *title = report_title(r);
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	struct buf out;
	buf_init(&out);
	const char *p = template;
	for (const char *at = strstr(p, "{{"); at; at = strstr(p, "{{")) {
		const char *end;
		int v = var_at(at, &end);
		buf_add(&out, p, (size_t)(at - p));
		if (v == NVARS) { /* render_html_template refuses these; keep it as written */
			buf_adds(&out, "{{");
			p = at + 2;
			continue;
		}
		if (v == VAR_BODY)
			buf_adds(&out, body);
		else
			add_escaped_s(&out, v == VAR_TITLE   ? title
					    : v == VAR_ORGAN ? r->organ
							     : year);
		p = end;
	}
	buf_adds(&out, p);
	free(body);
	free(title);
	*len = out.len;
	return buf_take(&out);
}
