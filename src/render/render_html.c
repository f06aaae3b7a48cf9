/* The portal page (render_html.h).  The body is built from the form, as
 * the text renderer builds its lines: nothing here knows which tables a
 * report has.  The page around it is templates/report.html. */
#include "render_html.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "form.h"
#include "page_templates_builtin.h"
#include "render_grid.h"
#include "report.h"
#include "report_load.h"
#include "templates.h"
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

/* A narrative: each line a paragraph (render_next_paragraph). */
static void add_narrative(struct buf *out, const char *text)
{
	size_t len;
	for (const char *q; (q = render_next_paragraph(&text, &len));) {
		buf_adds(out, "<p>");
		add_escaped(out, q, len);
		buf_adds(out, "</p>\n");
	}
}

static void add_span(struct buf *out, const char *attr, size_t n)
{
	if (n > 1)
		buf_addf(out, " %s=\"%zu\"", attr, n);
}

static const char *const cell_open[] = {
	[GRID_CORNER] = "<th scope=\"col\"",
	[GRID_COLUMN] = "<th scope=\"col\"",
	[GRID_COLUMN_SET] = "<th scope=\"colgroup\"",
	[GRID_ROW_GROUP] = "<th class=\"row\" scope=\"rowgroup\"",
	[GRID_ROW] = "<th class=\"row\" scope=\"row\"",
	[GRID_VALUE] = "<td",
};

/* A table as the printed form has it (render_grid.h): header rows in
 * <thead>, a <tr> per line, spans where the form merges cells. */
static void add_table(struct buf *out, const struct form_table *t, const struct report *r)
{
	struct render_grid g;
	render_grid_init(&g, t, r);
	buf_adds(out, "<table id=\"");
	add_escaped_s(out, t->id);
	buf_adds(out, "\">\n");
	if (t->title) {
		buf_adds(out, "<caption>");
		add_escaped_s(out, t->title);
		buf_adds(out, "</caption>\n");
	}
	size_t k = 0;
	for (size_t row = 0; row < g.nrows; row++) {
		if (row == 0)
			buf_adds(out, "<thead>\n");
		else if (row == g.header_rows)
			buf_adds(out, "<tbody>\n");
		buf_adds(out, "<tr>");
		for (; k < g.ncells && g.cells[k].row == row; k++) {
			const struct grid_cell *c = &g.cells[k];
			buf_adds(out, cell_open[c->kind]);
			add_span(out, "colspan", c->colspan);
			add_span(out, "rowspan", c->rowspan);
			buf_addc(out, '>');
			add_escaped_s(out, c->text);
			buf_adds(out, c->kind == GRID_VALUE ? "</td>" : "</th>");
		}
		buf_adds(out, "</tr>\n");
		if (row + 1 == g.header_rows)
			buf_adds(out, "</thead>\n");
	}
	if (g.nrows > g.header_rows)
		buf_adds(out, "</tbody>\n");
	buf_adds(out, "</table>\n");
	render_grid_fini(&g);
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
