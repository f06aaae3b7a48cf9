/* Writing report files in the canonical layout: the report's own keys,
 * then the form's data tree in form order, one table row per line, the
 * official labels as comments.  The whole file is rewritten each time. */
#include "report_save.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "buf.h"
#include "form.h"
#include "report.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"

#define COMMENT_COLUMN 36

/* Characters YAML cannot carry unescaped, or would read as line breaks. */
static bool needs_escape(uint32_t cp)
{
	return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp < 0xA0) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

static bool any_escape(const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(s + i, len - i, &cp, &ok);
		if (!ok || needs_escape(cp))
			return true;
	}
	return false;
}

/* Whether s reads back as itself when written without quotes. */
static bool plain_safe(const char *s)
{
	static const char indicators[] = "-?:,[]{}#&*!|>'\"%@`";
	size_t len = strlen(s);
	if (len == 0 || strchr(indicators, s[0]) || s[0] == ' ' || s[len - 1] == ' ' ||
	    s[len - 1] == ':' || strstr(s, ": ") || strstr(s, " #") || strpbrk(s, "\n\t") ||
	    any_escape(s))
		return false;
	static const char *const special[] = {"~", "null", "Null", "NULL", "true", "false"};
	for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
		if (strcmp(s, special[i]) == 0)
			return false;
	return true;
}

static void add_double_quoted(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0;
	buf_addc(out, '"');
	while (i < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + i, len - i, &cp, &ok);
		if (cp == '"' || cp == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)cp);
		} else if (cp == '\n') {
			buf_adds(out, "\\n");
		} else if (cp == '\t') {
			buf_adds(out, "\\t");
		} else if (!ok) {
			buf_adds(out, "\\uFFFD");
		} else if (needs_escape(cp)) {
			buf_addf(out, cp < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
		} else {
			buf_add(out, s + i, n);
		}
		i += n;
	}
	buf_addc(out, '"');
}

/* Whether text can be a literal block scalar and read back unchanged. */
static bool literal_safe(const char *text)
{
	if (!*text || any_escape(text))
		return false;
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		bool blank = len > 0;
		for (size_t i = 0; i < len; i++)
			if (line[i] != ' ' && line[i] != '\t')
				blank = false;
		if (blank)
			return false; /* a line of only spaces would not come back */
		if (!end)
			break;
		line = end + 1;
	}
	return true;
}

/* Writes a text value whose key is at column indent; its lines go two
 * columns further in. */
static void add_text(struct buf *out, const char *text, int indent)
{
	if (!literal_safe(text)) {
		add_double_quoted(out, text);
		buf_addc(out, '\n');
		return;
	}
	size_t len = strlen(text), trailing = 0;
	while (trailing < len && text[len - 1 - trailing] == '\n')
		trailing++;
	const char *first = text;
	while (*first == '\n')
		first++;
	buf_addc(out, '|');
	if (*first == ' ' || *first == '\t')
		buf_addc(out, '2'); /* indentation of the lines below the key */
	buf_adds(out, trailing == 0 ? "-" : trailing == 1 ? "" : "+");
	buf_addc(out, '\n');
	for (const char *line = text; line < text + len;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		if (n) {
			buf_pad(out, indent + 2);
			buf_add(out, line, n);
		}
		buf_addc(out, '\n');
		line += n + 1;
	}
}

/* Writes one line of the report's own keys with its comment. */
static void add_key(struct buf *out, int comment_at, const char *line, const char *comment)
{
	buf_adds(out, line);
	buf_pad(out, comment_at - utf8_width(line));
	buf_addf(out, "# %s\n", comment);
}

static void add_number(struct buf *out, const struct report *r, size_t cell)
{
	char number[REPORT_NUMBER_SIZE];
	report_format_number(r, cell, number);
	/* an amount is quoted: 12.5000 must not be read back as a float */
	buf_addf(out, r->form->cells[cell].type == FORM_MONEY ? "\"%s\"" : "%s", number);
}

static void add_column_list(struct buf *out, const struct form_column_set *cols, int indent)
{
	buf_pad(out, indent);
	buf_adds(out, "# 各列依次为：");
	for (size_t c = 0; c < cols->ncolumns; c++) {
		if (c)
			buf_adds(out, "、");
		buf_adds(out, cols->columns[c].label);
	}
	buf_addc(out, '\n');
}

struct writer {
	struct buf *out;
	const struct report *report;
	bool *tables_seen;
};

/* The single line "key: value" of a row or value node (no comment). */
static void add_value_line(struct buf *out, const struct report *r, const struct form_node *node,
			   size_t keywidth, int indent)
{
	const struct form *f = r->form;
	buf_pad(out, indent);
	buf_adds(out, node->key);
	buf_addc(out, ':');
	if (node->kind == FORM_NODE_MAP)
		return;
	buf_pad(out, (int)(keywidth - strlen(node->key)) + 1);
	if (node->kind == FORM_NODE_CELL) {
		add_number(out, r, node->cell);
		return;
	}
	const struct form_table *t = &f->tables[node->table];
	const struct form_row *row = &t->rows[node->row];
	bool map = t->store == FORM_STORE_MAP;
	buf_addc(out, map ? '{' : '[');
	for (size_t c = 0; c < t->columns->ncolumns; c++) {
		if (c)
			buf_adds(out, ", ");
		if (map)
			buf_addf(out, "%s: ", t->columns->columns[c].key);
		add_number(out, r, row->first_cell + c);
	}
	buf_addc(out, map ? '}' : ']');
}

static bool is_text_node(const struct form *f, const struct form_node *node)
{
	return node->kind == FORM_NODE_CELL && f->cells[node->cell].type == FORM_TEXT;
}

/* Writes node's children at indent, their comments in one column. */
static void add_children(struct writer *w, size_t node, int indent, int min_comment)
{
	const struct form *f = w->report->form;
	const struct form_node *n = &f->nodes[node];
	size_t keywidth = 0;
	int comment_at = min_comment;
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < n->nchildren; i++) {
		size_t k = strlen(f->nodes[n->children[i]].key);
		keywidth = k > keywidth ? k : keywidth;
	}
	for (size_t i = 0; i < n->nchildren; i++) {
		const struct form_node *child = &f->nodes[n->children[i]];
		if (is_text_node(f, child))
			continue;
		buf_clear(&line);
		add_value_line(&line, w->report, child, keywidth, indent);
		int width = utf8_width(line.data) + 2;
		comment_at = width > comment_at ? width : comment_at;
	}
	for (size_t i = 0; i < n->nchildren; i++) {
		const struct form_node *child = &f->nodes[n->children[i]];
		struct buf *out = w->out;
		const char *label = child->label ? child->label : child->key;
		if (is_text_node(f, child)) {
			/* the label goes above: a block scalar's header takes no comment */
			buf_pad(out, indent);
			buf_addf(out, "# %s\n", label);
			buf_pad(out, indent);
			buf_addf(out, "%s: ", child->key);
			add_text(out, w->report->texts[child->cell], indent);
			continue;
		}
		if (child->kind == FORM_NODE_ROW && !w->tables_seen[child->table]) {
			const struct form_table *t = &f->tables[child->table];
			w->tables_seen[child->table] = true;
			if (t->store == FORM_STORE_SEQUENCE)
				add_column_list(out, t->columns, indent);
		}
		buf_clear(&line);
		add_value_line(&line, w->report, child, keywidth, indent);
		buf_adds(out, line.data);
		buf_pad(out, comment_at - utf8_width(line.data));
		buf_addf(out, "# %s\n", label);
		if (child->kind == FORM_NODE_MAP)
			add_children(w, n->children[i], indent + 2, 0);
	}
	buf_fini(&line);
}

/* The sections the clerk confirmed, in the form's order; nothing when
 * none is, so a report never confirmed saves as before. */
static void add_confirmed(struct buf *out, const struct report *r, int comment_at)
{
	struct buf line;
	buf_init(&line);
	for (size_t s = 0; s < r->form->nsections; s++) {
		if (!r->confirmed[s])
			continue;
		char *key = report_section_key(r->form, s);
		buf_adds(&line, line.len ? ", " : "confirmed: [");
		buf_adds(&line, key);
		free(key);
	}
	if (line.len) {
		buf_adds(&line, "]");
		add_key(out, comment_at, line.data, "已确认的部分");
	}
	buf_fini(&line);
}

/* A string inside a flow mapping, where ,[]{} would end a plain one. */
static void add_flow_string(struct buf *out, const char *s)
{
	if (plain_safe(s) && !strpbrk(s, ",[]{}"))
		buf_adds(out, s);
	else
		add_double_quoted(out, s);
}

/* acknowledged: last, one flow mapping per line (ack.h). */
static void add_acks(struct buf *out, const struct report *r)
{
	if (!r->nacks)
		return;
	add_key(out, COMMENT_COLUMN,
		"acknowledged:", "已核实的警告：规则、数据格、理由、核实时的值");
	for (size_t i = 0; i < r->nacks; i++) {
		const struct report_ack *a = &r->acks[i];
		buf_adds(out, "  - {rule: ");
		add_flow_string(out, a->rule);
		buf_adds(out, ", path: ");
		add_flow_string(out, a->path);
		buf_adds(out, ", reason: ");
		add_flow_string(out, a->reason);
		buf_adds(out, ", value: ");
		/* quoted always: a count must read back as text, not be checked as one */
		add_double_quoted(out, a->value);
		buf_adds(out, "}\n");
	}
}

char *report_format(const struct report *r, size_t *len)
{
	const struct form *f = r->form;
	struct buf out;
	buf_init(&out);
	char *title = report_title(r);
	buf_addf(&out, "# %s\n", title);
	free(title);
	buf_addf(&out,
		 "# nianbao 报告数据文件，格式 %s。\n"
		 "# nianbao 保存时按固定格式重写整个文件，手工添加的注释不会保留。\n",
		 f->id);

	struct buf organ;
	buf_init(&organ);
	buf_adds(&organ, "organ: ");
	if (plain_safe(r->organ))
		buf_adds(&organ, r->organ);
	else
		add_double_quoted(&organ, r->organ);
	int comment_at = utf8_width(organ.data) + 2;
	if (comment_at < COMMENT_COLUMN)
		comment_at = COMMENT_COLUMN;
	char line[64];
	snprintf(line, sizeof line, "form: %s", f->id);
	add_key(&out, comment_at, line, "报告格式");
	add_key(&out, comment_at, organ.data, "发布机关");
	snprintf(line, sizeof line, "year: %d", r->year);
	add_key(&out, comment_at, line, "报告年度");
	if (r->issued_on.year) {
		snprintf(line, sizeof line, "issued_on: %04d-%02d-%02d", r->issued_on.year,
			 r->issued_on.month, r->issued_on.day);
		add_key(&out, comment_at, line, "成文日期");
	}
	add_key(&out, comment_at, r->draft ? "draft: true" : "draft: false", "true 表示草稿");
	buf_fini(&organ);
	add_confirmed(&out, r, comment_at);

	struct writer w = {.out = &out, .report = r};
	w.tables_seen = xcalloc(f->ntables + 1, sizeof *w.tables_seen);
	add_children(&w, 0, 0, comment_at);
	free(w.tables_seen);
	add_acks(&out, r);
	*len = out.len;
	return buf_take(&out);
}

int report_save(const struct report *r, const char *path, bool replace, char **error)
{
	size_t len;
	char *text = report_format(r, &len);
	int err = atomic_write(path, text, len, replace ? ATOMIC_REPLACE : ATOMIC_CREATE, error);
	free(text);
	return err;
}
