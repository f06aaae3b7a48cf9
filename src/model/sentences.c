/* Filling the narrative sentences; see sentences.h. */
#include "sentences.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "templates.h"
#include "xalloc.h"

static const struct {
	const char *section; /* the key of report_section_key */
	enum templates_key key;
	const char *name; /* its key in sentences.yaml */
} sentences[] = {
	{"overview", TEMPLATES_SENTENCES_OVERVIEW, "overview"},
	{"other", TEMPLATES_SENTENCES_OTHER, "other"},
};

char *sentences_fill(const struct report *r, const char *section_key, char **error)
{
	*error = NULL;
	size_t s = 0, n = sizeof sentences / sizeof sentences[0];
	while (s < n && strcmp(sentences[s].section, section_key) != 0)
		s++;
	if (s == n)
		return NULL;
	const char *t = templates_get(sentences[s].key);
	struct buf out;
	buf_init(&out);
	/* templates_load has refused lone braces, so each { has its } */
	for (const char *p = t; *p;) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			buf_addc(&out, *p);
			p += 2;
			continue;
		}
		if (*p != '{') {
			buf_addc(&out, *p++);
			continue;
		}
		const char *end = strchr(p, '}');
		char *path = xstrndup(p + 1, (size_t)(end - p - 1));
		size_t cell = form_find_cell(r->form, path);
		if (cell == FORM_NONE || r->form->cells[cell].type == FORM_TEXT) {
			*error = xasprintf("%s 的模板“%s”中的“{%s}”%s",
					   templates_source(sentences[s].key), sentences[s].name,
					   path,
					   cell == FORM_NONE ? "不是表格中的格"
							     : "是一段文字，不是表格中的数字");
			free(path);
			buf_fini(&out);
			return NULL;
		}
		char num[REPORT_NUMBER_SIZE];
		report_format_number(r, cell, num);
		buf_adds(&out, num);
		free(path);
		p = end + 1;
	}
	return buf_take(&out);
}
