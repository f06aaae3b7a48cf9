/* Loading report files; see report_load.h.
 *
 * The file is read whole (it is at most 16 MiB), its encoding checked,
 * then parsed twice with libyaml's event API: a first pass reads only the
 * top-level `form` key to choose the schema, the second walks the schema.
 * Neither pass builds a document tree, and both stop at the first
 * collection nested deeper than the schema allows. */
#include "report_load.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "ack.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "file_read.h"
#include "form.h"
#include "report.h"
#include "template.h"
#include "utf8.h"
#include "value.h"
#include "xalloc.h"
#include "ytree.h"

#define LOAD_MAX_ERRORS 50
/* How deep a value the schema does not expect may nest before we stop. */
#define LOAD_SKIP_DEPTH 6

struct loader {
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_event;
	struct diag_list *diags;
	const struct form *form;
	struct report *report;
	struct report_mark *node_marks; /* per schema node: where its key was */
	size_t nerrors;
	bool fatal;
};

static struct report_mark mark_of(const yaml_mark_t *m)
{
	return (struct report_mark){(int)m->line + 1, (int)m->column + 1};
}

static void add_error_v(struct diag_list *diags, const char *rule, const char *path,
			struct report_mark at, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap);
	diag_list_add(diags, DIAG_ERROR, rule, path, at.line, at.column, msg);
	free(msg);
}

static void add_error(struct diag_list *diags, const char *rule, struct report_mark at,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void add_error(struct diag_list *diags, const char *rule, struct report_mark at,
		      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_error_v(diags, rule, NULL, at, fmt, ap);
	va_end(ap);
}

static void fail(struct loader *l, const char *rule, const char *path, struct report_mark at,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Records an error; past LOAD_MAX_ERRORS the load stops. */
static void fail(struct loader *l, const char *rule, const char *path, struct report_mark at,
		 const char *fmt, ...)
{
	if (l->fatal)
		return;
	va_list ap;
	va_start(ap, fmt);
	add_error_v(l->diags, rule, path, at, fmt, ap);
	va_end(ap);
	if (++l->nerrors >= LOAD_MAX_ERRORS) {
		add_error(l->diags, "load.limit", at, "错误太多，只列出前 %d 个", LOAD_MAX_ERRORS);
		l->fatal = true;
	}
}

static void fail_fatal(struct loader *l, const char *rule, struct report_mark at, const char *fmt,
		       ...) __attribute__((format(printf, 4, 5)));

static void fail_fatal(struct loader *l, const char *rule, struct report_mark at, const char *fmt,
		       ...)
{
	if (l->fatal)
		return;
	va_list ap;
	va_start(ap, fmt);
	add_error_v(l->diags, rule, NULL, at, fmt, ap);
	va_end(ap);
	l->fatal = true;
}

/* ---- reading and encoding ---------------------------------------------- */

char *report_read_file(const char *filename, size_t max, size_t *len, struct diag_list *diags)
{
	struct report_mark none = {0, 0};
	struct file_read_error e;
	char *data = file_read(filename, max, 0, len, &e);
	if (data)
		return data;
	if (e.failure == FILE_READ_OPEN || e.failure == FILE_READ_SPECIAL)
		add_error(diags, "load.file", none, "无法打开文件：%s", file_read_why(&e));
	else if (e.failure == FILE_READ_READ && e.err == EISDIR)
		add_error(diags, "load.file", none, "无法读取：这是一个目录，不是文件");
	else if (e.failure == FILE_READ_READ)
		add_error(diags, "load.file", none, "读取失败：%s", file_read_reason(e.err));
	else if (e.size >= 0)
		add_error(diags, "load.size", none, "文件太大（%lld 字节），报告文件最大为 %zu MiB",
			  e.size, max >> 20);
	else
		add_error(diags, "load.size", none, "文件太大，报告文件最大为 %zu MiB", max >> 20);
	return NULL;
}

/* Line and column (1-based, in characters) of byte offset in data. */
static struct report_mark position_of(const char *data, size_t offset)
{
	struct report_mark m = {1, 1};
	size_t line_start = 0;
	for (size_t i = 0; i < offset; i++)
		if (data[i] == '\n') {
			m.line++;
			line_start = i + 1;
		}
	m.column = (int)utf8_length(data + line_start, offset - line_start) + 1;
	return m;
}

/* Whether data decodes as GB18030 (of which GBK and GB2312 are parts). */
static bool looks_like_gb18030(const unsigned char *s, size_t len)
{
	size_t i = 0, multibyte = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= len)
			return false;
		unsigned char d = s[i + 1];
		if (d >= 0x30 && d <= 0x39) {
			if (i + 3 >= len || s[i + 2] < 0x81 || s[i + 2] > 0xFE || s[i + 3] < 0x30 ||
			    s[i + 3] > 0x39)
				return false;
			i += 4;
		} else if (d >= 0x40 && d <= 0xFE && d != 0x7F) {
			i += 2;
		} else {
			return false;
		}
		multibyte++;
	}
	return multibyte > 0;
}

/* Refuses anything but UTF-8 (a UTF-8 BOM is fine: the loader skips it
 * before libyaml sees the data). */
static bool check_encoding(const char *data, size_t len, struct diag_list *diags)
{
	const unsigned char *u = (const unsigned char *)data;
	struct report_mark start = {1, 1};
	if (len == 0) {
		add_error(diags, "load.empty", start, "文件是空的，不是报告文件");
		return false;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		add_error(diags, "load.encoding", start,
			  "文件是 UTF-16 编码；报告文件只能是 UTF-8 编码，请用“另存为”选择 UTF-8");
		return false;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		add_error(diags, "load.encoding", position_of(data, (size_t)(nul - data)),
			  "文件中有 NUL 字节：这不是文本文件（可能是 UTF-16 编码或二进制文件）；"
			  "报告文件只能是 UTF-8 编码的文本");
		return false;
	}
	size_t bad;
	if (!utf8_validate(data, len, &bad)) {
		struct report_mark at = position_of(data, bad);
		if (looks_like_gb18030(u, len))
			add_error(diags, "load.encoding", at,
				  "文件不是 UTF-8 编码（看起来是 GBK/GB18030 编码）；"
				  "报告文件只能是 UTF-8 编码，请用“另存为”选择 UTF-8");
		else
			add_error(
				diags, "load.encoding", at,
				"这里有不是 UTF-8 编码的字节（0x%02X）；报告文件只能是 UTF-8 编码",
				u[bad]);
		return false;
	}
	return true;
}

/* ---- files that are not report files -------------------------------------- */

/* The command a clerk runs to turn file (NULL: not known) into a report:
 * `nianbao import FILE -o NAME.yaml`, the name quoted for the shell when
 * it needs it.  The caller frees it. */
static char *import_command(const char *file)
{
	if (!file)
		return xstrdup("nianbao import 文件 -o 报告.yaml");
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - file) : strlen(file);
	/* a published text named .yaml must not be told to import over itself */
	bool is_yaml = dot && (!strcasecmp(dot, ".yaml") || !strcasecmp(dot, ".yml"));
	char *out = xasprintf("%.*s%s", (int)stem, file, is_yaml ? "-报告.yaml" : ".yaml");
	bool plain = true;
	for (const char *p = file; *p && plain; p++)
		plain = (unsigned char)*p >= 0x80 || strchr("abcdefghijklmnopqrstuvwxyz"
							    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
							    "0123456789._/-+",
							    *p);
	char *cmd;
	if (plain || strchr(file, '\'')) /* a quote in a name: shown as it is */
		cmd = xasprintf("nianbao import %s -o %s", file, out);
	else
		cmd = xasprintf("nianbao import '%s' -o '%s'", file, out);
	free(out);
	return cmd;
}

#define DOCUMENT_KIND_TEXT "一份已发布的年度报告文本"
#define DOCUMENT_KIND_OLD_OFFICE "一个旧版 Word 文档（.doc）或其他旧版 Office 文件"

/* The kind of document data starts with, by its first bytes, or NULL. */
static const char *document_kind(const char *data, size_t len)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *kind;
	} magics[] = {
		{"%PDF-", 5, "一个 PDF 文件"},
		{"PK\x03\x04", 4, "一个 Word 文档（.docx）或其他压缩文件"},
		{"\xD0\xCF\x11\xE0", 4, DOCUMENT_KIND_OLD_OFFICE},
	};
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (len >= magics[i].len && !memcmp(data, magics[i].magic, magics[i].len))
			return magics[i].kind;
	size_t i = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < len && strchr(" \t\r\n", data[i]))
		i++;
	if ((len - i >= 5 && !strncasecmp(data + i, "<html", 5)) ||
	    (len - i >= 9 && !strncasecmp(data + i, "<!DOCTYPE", 9)))
		return "一个网页（HTML）";
	return NULL;
}

/* Whether line (len bytes, at column 0) is a YAML key, `name:`: a report
 * file has them there, a published text never. */
static bool is_yaml_key_line(const char *line, size_t len)
{
	size_t i = 0;
	while (i < len &&
	       (line[i] == '_' || (line[i] >= 'a' && line[i] <= 'z') ||
		(line[i] >= 'A' && line[i] <= 'Z') || (i > 0 && line[i] >= '0' && line[i] <= '9')))
		i++;
	return i > 0 && i < len && line[i] == ':' &&
	       (i + 1 == len || line[i + 1] == ' ' || line[i + 1] == '\t' || line[i + 1] == '\r');
}

/* The line without spaces (ASCII and fullwidth) and markdown marks (# *),
 * as a new string, so that "## 一、 总体情况 **" reads 一、总体情况. */
static char *bare_line(const char *line, size_t len)
{
	struct buf b;
	buf_init(&b);
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(line + i, len - i, &cp, &ok);
		if (!(ok && (utf8_is_space(cp) || cp == '#' || cp == '*')))
			buf_add(&b, line + i, n);
		i += n;
	}
	return buf_take(&b);
}

/* Whether data (valid UTF-8) is the text of a published report of form:
 * a title before the first heading (the form's own title, …年政府信息公开
 * 工作年度报告, or a variant of it offices write: …年度政府信息公开工作报告,
 * wrapped over two lines) and at least two of the form's section headings
 * on lines of their own; and no line that is a YAML key at column 0 (a
 * report whose narrative quotes a title and headings has them, indented,
 * under `text:`).  *at is where the title starts. */
static bool is_published_text(const char *data, size_t len, const struct form *form,
			      struct report_mark *at)
{
	if (form->nsections == 0)
		return false;
	size_t headings = 0;
	bool *seen = xcalloc(form->nsections, sizeof *seen);
	bool yaml = false;
	struct buf before; /* the text before the first heading */
	buf_init(&before);
	int line_no = 0;
	for (size_t start = 0; start < len && !yaml;) {
		const char *nl = memchr(data + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - data) : len;
		line_no++;
		if (is_yaml_key_line(data + start, end - start)) {
			yaml = true;
			break;
		}
		if (end - start < 512) { /* a heading or title is one short line */
			char *bare = bare_line(data + start, end - start);
			bool heading = false;
			for (size_t s = 0; s < form->nsections; s++) {
				const char *h = form->sections[s].heading;
				if (strncmp(bare, h, strlen(h)))
					continue;
				heading = true;
				if (!seen[s]) {
					seen[s] = true;
					headings++;
				}
			}
			if (!heading && headings == 0 && before.len < 1024) {
				if (before.len == 0 && *bare)
					*at = (struct report_mark){line_no, 1};
				buf_adds(&before, bare);
			}
			free(bare);
		}
		start = end + 1;
	}
	bool title = before.len > 0 && strstr(before.data, "政府信息公开") &&
		     strstr(before.data, "报告");
	buf_fini(&before);
	free(seen);
	return !yaml && title && headings >= 2;
}

/* Refuses, with what to do instead, a file that is a published report
 * (its text, or a web page, Word document or PDF) rather than a report
 * file.  file (may be NULL) names it in the advice. */
static bool check_not_published(const char *data, size_t len, const char *file,
				struct catalog *catalog, struct diag_list *diags)
{
	struct report_mark at = {1, 1};
	const char *kind = document_kind(data, len);
	if (!kind && !memchr(data, '\0', len)) {
		/* offices often publish their text in GBK, which import reads */
		size_t text_len = len;
		char *converted = NULL;
		const char *text = data;
		if (!utf8_validate(data, len, NULL))
			text = converted = looks_like_gb18030((const unsigned char *)data, len)
						   ? utf8_from_gb18030(data, len, &text_len)
						   : NULL;
		char *error = NULL;
		const struct catalog_entry *entry = text ? catalog_get(catalog,
								       catalog_default_id(catalog),
								       &error)
							 : NULL;
		free(error);
		size_t skip = text && text_len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
		if (entry && is_published_text(text + skip, text_len - skip, entry->form, &at))
			kind = DOCUMENT_KIND_TEXT;
		free(converted);
	}
	if (!kind)
		return true;
	char *cmd = import_command(file);
	if (!strcmp(kind, DOCUMENT_KIND_OLD_OFFICE))
		add_error(diags, "load.published", at,
			  "这是%s，不是 nianbao 的报告文件（.yaml）；如果它是已发布的年度报告，"
			  "请先用 Word 或 WPS 另存为 .docx，再用 %s 把它转成报告文件",
			  kind, cmd);
	else if (!strcmp(kind, DOCUMENT_KIND_TEXT))
		add_error(diags, "load.published", at,
			  "这是%s，不是 nianbao 的报告文件（.yaml）；请用 %s 把它转成报告文件",
			  kind, cmd);
	else
		add_error(diags, "load.published", at,
			  "这是%s，不是 nianbao 的报告文件（.yaml）；如果它是已发布的年度报告，"
			  "请用 %s 把它转成报告文件",
			  kind, cmd);
	free(cmd);
	return false;
}

/* ---- events -------------------------------------------------------------- */

static void release_event(struct loader *l)
{
	if (l->have_event) {
		yaml_event_delete(&l->event);
		l->have_event = false;
	}
}

static void syntax_error(struct loader *l)
{
	const char *text = ytree_problem_text(l->parser.problem);
	struct report_mark at = mark_of(&l->parser.problem_mark);
	if (text)
		fail_fatal(l, "load.syntax", at, "YAML 语法错误：%s", text);
	else
		fail_fatal(l, "load.syntax", at, "YAML 语法错误（%s）", l->parser.problem);
}

/* Reads the next event into l->event; false (and fatal) on a syntax error. */
static bool next(struct loader *l)
{
	release_event(l);
	if (l->fatal)
		return false;
	if (!yaml_parser_parse(&l->parser, &l->event)) {
		syntax_error(l);
		return false;
	}
	l->have_event = true;
	return true;
}

static struct report_mark here(const struct loader *l)
{
	return mark_of(&l->event.start_mark);
}

/* Complains about anchors and tags on the current node (not fatal). */
static void check_plain_data(struct loader *l)
{
	const yaml_event_t *ev = &l->event;
	const yaml_char_t *anchor = NULL, *tag = NULL;
	if (ev->type == YAML_SCALAR_EVENT) {
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
	} else if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else if (ev->type == YAML_MAPPING_START_EVENT) {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (anchor)
		fail(l, "load.plain_data", NULL, here(l),
		     "不能使用 YAML 锚点（&%s）：报告文件只能是普通数据", (const char *)anchor);
	if (tag)
		fail(l, "load.plain_data", NULL, here(l),
		     "不能使用 YAML 标签（%s）：报告文件只能是普通数据", (const char *)tag);
}

/* Skips the node that starts at the current event, refusing to follow it
 * deeper than budget levels. */
static void skip_node(struct loader *l, int budget)
{
	int depth = 0;
	do {
		switch (l->event.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > budget) {
				fail_fatal(l, "load.nesting", here(l),
					   "嵌套层次太深：报告文件的结构没有这么多层");
				return;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (depth == 0)
			return;
	} while (next(l));
}

static const char *node_kind_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return "一个列表";
	case YAML_MAPPING_START_EVENT:
		return "一个映射（键: 值）";
	case YAML_ALIAS_EVENT:
		return "一个别名";
	default:
		return "一个值";
	}
}

/* Whether the current event is a plain scalar meaning "nothing". */
static bool is_plain_null(const yaml_event_t *ev)
{
	if (ev->type != YAML_SCALAR_EVENT || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)ev->data.scalar.value;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

/* The current event must be a scalar (an alias or collection is refused
 * and skipped); returns false otherwise. */
static bool expect_scalar(struct loader *l, const char *what, const char *path)
{
	if (l->event.type == YAML_SCALAR_EVENT) {
		check_plain_data(l);
		return true;
	}
	if (l->event.type == YAML_ALIAS_EVENT) {
		fail(l, "load.plain_data", path, here(l),
		     "不能使用 YAML 别名（*%s）：报告文件只能是普通数据",
		     (const char *)l->event.data.alias.anchor);
		return false;
	}
	fail(l, "load.type", path, here(l), "“%s”应为一个值，这里是%s", what,
	     node_kind_name(&l->event));
	skip_node(l, LOAD_SKIP_DEPTH);
	return false;
}

/* ---- keys ------------------------------------------------------------------ */

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* Complains about an unknown key, suggesting the nearest known one. */
static void unknown_key(struct loader *l, const char *key, const char *const *known, size_t n,
			struct report_mark at)
{
	const char *best = NULL;
	size_t best_d = 99;
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(key, known[i]);
		if (d < best_d) {
			best_d = d;
			best = known[i];
		}
	}
	size_t limit = strlen(key) / 3 + 1;
	if (best && best_d <= (limit > 3 ? 3 : limit)) {
		fail(l, "load.key", NULL, at, "未知的键“%s”，是不是“%s”？", key, best);
		return;
	}
	struct buf list;
	buf_init(&list);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&list, "、");
		buf_adds(&list, known[i]);
	}
	fail(l, "load.key", NULL, at, "未知的键“%s”；这里可以写的键：%s", key, list.data);
	buf_fini(&list);
}

/* Reads a mapping key into *key (owned by the event); false when the key is
 * not a plain string, after skipping the key and its value. */
static bool read_key(struct loader *l, const char **key)
{
	if (l->event.type == YAML_SCALAR_EVENT) {
		check_plain_data(l);
		*key = (const char *)l->event.data.scalar.value;
		if (strcmp(*key, "<<") == 0 &&
		    l->event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
			fail(l, "load.plain_data", NULL, here(l),
			     "不能使用 YAML 合并键（<<）：报告文件只能是普通数据");
		} else {
			return true;
		}
	} else {
		fail(l, "load.key", NULL, here(l), "键应为一个名称，这里是%s",
		     node_kind_name(&l->event));
		skip_node(l, LOAD_SKIP_DEPTH);
	}
	if (next(l))
		skip_node(l, LOAD_SKIP_DEPTH);
	return false;
}

/* ---- values -------------------------------------------------------------- */

/* What was written, quoted in a message: at most max characters, cut
 * between two characters (never inside one, which would make the
 * message invalid UTF-8) and marked with … when cut.  The caller frees it. */
static char *written_excerpt(const char *s, size_t max)
{
	size_t len = strlen(s), at = 0;
	for (size_t n = 0; at < len && n < max; n++) {
		uint32_t cp;
		bool valid;
		at += utf8_decode(s + at, len - at, &cp, &valid);
	}
	return at < len ? xasprintf("%.*s…", (int)at, s) : xstrdup(s);
}

/* The message of the form's rule for a bad value of type. */
static void value_error(struct loader *l, const struct form_cell *cell, const char *problem,
			const char *written)
{
	const struct form_type *t = &l->form->types[cell->type];
	const char *rule = t->rule ? t->rule : "load.value";
	const char *tpl = "“{cell}”：{problem}";
	for (size_t i = 0; i < l->form->nrules; i++)
		if (t->rule && strcmp(l->form->rules[i].id, t->rule) == 0)
			tpl = l->form->rules[i].message;
	char *shown = written && *written ? written_excerpt(written, 40) : NULL;
	char *full = shown ? xasprintf("%s（写的是“%s”）", problem, shown) : xstrdup(problem);
	free(shown);
	const struct template_var vars[] = {{"cell", cell->label}, {"problem", full}};
	struct buf msg;
	buf_init(&msg);
	template_expand(&msg, tpl, vars, 2);
	fail(l, rule, cell->path, here(l), "%s", msg.data);
	buf_fini(&msg);
	free(full);
}

static void load_cell(struct loader *l, size_t index)
{
	const struct form_cell *cell = &l->form->cells[index];
	struct report *r = l->report;
	r->marks[index] = here(l);
	if (!expect_scalar(l, cell->label, cell->path))
		return;
	const char *s = (const char *)l->event.data.scalar.value;
	size_t len = l->event.data.scalar.length;
	const char *problem = NULL;
	const struct form_type *t = &l->form->types[cell->type];

	switch (cell->type) {
	case FORM_COUNT:
		if (is_plain_null(&l->event))
			problem = "没有填写数值";
		else
			value_parse_count(s, len, t->max, &r->numbers[index], &problem);
		break;
	case FORM_MONEY:
		if (is_plain_null(&l->event))
			problem = "没有填写金额";
		else
			value_parse_money(s, len, t->decimals, t->below, &r->numbers[index],
					  &problem);
		break;
	case FORM_TEXT:
		if (is_plain_null(&l->event))
			len = 0;
		if (strlen(s) != len)
			problem = "含有控制字符（只允许换行和制表符）";
		else
			problem = report_text_problem(s, len, SIZE_MAX);
		if (problem) {
			fail(l, "load.value", cell->path, here(l), "“%s”%s", cell->label, problem);
			return;
		}
		size_t chars = utf8_length(s, len);
		if (chars > t->max_chars) {
			fail(l, "load.value", cell->path, here(l),
			     "“%s”太长：有 %zu 字，一段正文最多 %zu 字", cell->label, chars,
			     t->max_chars);
			return;
		}
		/* trailing line breaks and spaces are not part of a narrative */
		len = utf8_trim_end(s, len);
		report_set_text(r, index, s, len);
		return;
	default:
		return;
	}
	if (problem)
		value_error(l, cell, problem, s);
}

static void load_sequence_row(struct loader *l, size_t node)
{
	const struct form_node *n = &l->form->nodes[node];
	const struct form_table *t = &l->form->tables[n->table];
	const struct form_row *row = &t->rows[n->row];
	size_t want = t->columns->ncolumns, got = 0;
	struct report_mark start = here(l);

	for (;;) {
		if (!next(l))
			return;
		if (l->event.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (got < want)
			load_cell(l, row->first_cell + got);
		else
			skip_node(l, LOAD_SKIP_DEPTH);
		got++;
		if (l->fatal)
			return;
	}
	if (got != want) {
		struct buf cols;
		buf_init(&cols);
		for (size_t c = 0; c < want; c++) {
			if (c)
				buf_adds(&cols, "、");
			buf_adds(&cols, t->columns->columns[c].label);
		}
		fail(l, "load.row", row->path, start,
		     "“%s”这一行应有 %zu 个数（依次为%s），实际有 %zu 个", row->label, want,
		     cols.data, got);
		buf_fini(&cols);
	}
}

/* Whether any count or amount lives under node (texts may be left out). */
static bool node_holds_numbers(const struct form *f, size_t node)
{
	for (size_t c = 0; c < f->ncells; c++) {
		if (f->cells[c].type == FORM_TEXT)
			continue;
		for (size_t p = f->cells[c].node; p != FORM_NONE; p = f->nodes[p].parent)
			if (p == node)
				return true;
	}
	return false;
}

/* The index of key among the known names[0..n), at the current event,
 * marking where it was written in *marks[i]; n for a key that is unknown
 * or written twice (said so: its value is to be skipped). */
static size_t known_key(struct loader *l, const char *key, const char **names,
			struct report_mark **marks, size_t n)
{
	struct report_mark at = here(l);
	size_t i = 0;
	while (i < n && strcmp(names[i], key) != 0)
		i++;
	if (i == n) {
		unknown_key(l, key, names, n, at);
	} else if (marks[i]->line) {
		fail(l, "load.key", NULL, at, "键“%s”重复出现（第 %d 行已经写过）", key,
		     marks[i]->line);
		i = n;
	} else {
		*marks[i] = at;
	}
	return i;
}

static void load_node(struct loader *l, size_t node);

/* Loads a mapping whose keys are the children of node (or, for a row
 * stored as a map, the keys of its columns). */
static void load_map(struct loader *l, size_t node)
{
	const struct form *f = l->form;
	const struct form_node *n = &f->nodes[node];
	const struct form_table *t = n->kind == FORM_NODE_ROW ? &f->tables[n->table] : NULL;
	size_t nkeys = t ? t->columns->ncolumns : n->nchildren;
	struct report_mark start = here(l);
	struct report_mark *seen = xcalloc(nkeys + 1, sizeof *seen);
	struct report_mark **marks = xcalloc(nkeys + 1, sizeof *marks);
	const char **names = xcalloc(nkeys + 1, sizeof *names);

	for (size_t i = 0; i < nkeys; i++) {
		names[i] = t ? t->columns->columns[i].key : f->nodes[n->children[i]].key;
		marks[i] = &seen[i];
	}
	while (next(l) && l->event.type != YAML_MAPPING_END_EVENT) {
		const char *key;
		if (!read_key(l, &key))
			continue;
		size_t i = known_key(l, key, names, marks, nkeys);
		if (!next(l))
			break;
		if (i == nkeys)
			skip_node(l, LOAD_SKIP_DEPTH);
		else if (t)
			load_cell(l, f->tables[n->table].rows[n->row].first_cell + i);
		else
			load_node(l, n->children[i]);
	}
	for (size_t i = 0; i < nkeys && !l->fatal; i++) {
		if (seen[i].line)
			continue;
		size_t child = t ? FORM_NONE : n->children[i];
		if (child != FORM_NONE && !node_holds_numbers(f, child))
			continue;
		const char *label = t ? t->columns->columns[i].label : f->nodes[child].label;
		fail(l, "load.missing", NULL, start, "缺少键“%s”%s%s%s", names[i],
		     label ? "（" : "", label ? label : "", label ? "）" : "");
	}
	free(marks);
	free(seen);
	free(names);
}

/* Loads the value of a schema node; the current event is its start. */
static void load_node(struct loader *l, size_t node)
{
	const struct form_node *n = &l->form->nodes[node];
	const struct form_table *t = n->kind == FORM_NODE_ROW ? &l->form->tables[n->table] : NULL;
	const char *label = n->label ? n->label : n->key;

	l->node_marks[node] = here(l);
	if (n->kind == FORM_NODE_CELL) {
		load_cell(l, n->cell);
		return;
	}
	yaml_event_type_t want = t && t->store == FORM_STORE_SEQUENCE ? YAML_SEQUENCE_START_EVENT
								      : YAML_MAPPING_START_EVENT;
	if (l->event.type == YAML_ALIAS_EVENT) {
		expect_scalar(l, label, NULL);
		return;
	}
	if (l->event.type != want) {
		fail(l, "load.type", NULL, here(l), "“%s”应为%s，这里是%s", label,
		     want == YAML_SEQUENCE_START_EVENT ? "一行数（方括号列表）"
						       : "一个映射（键: 值）",
		     node_kind_name(&l->event));
		skip_node(l, LOAD_SKIP_DEPTH);
		return;
	}
	check_plain_data(l);
	if (want == YAML_SEQUENCE_START_EVENT)
		load_sequence_row(l, node);
	else
		load_map(l, node);
}

/* ---- the report's own keys ---------------------------------------------- */

static void load_key_value(struct loader *l, enum report_key key)
{
	struct report *r = l->report;
	r->key_marks[key] = here(l);
	if (!expect_scalar(l, report_key_name(key), NULL))
		return;
	const char *s = (const char *)l->event.data.scalar.value;
	size_t len = l->event.data.scalar.length;
	bool plain = l->event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	const char *problem = NULL;
	char *shown = NULL; /* what was written, in a message */
	int64_t year;

	switch (key) {
	case REPORT_KEY_FORM:
		if (strcmp(s, l->form->id) != 0)
			fail(l, "load.form", NULL, here(l), "报告格式应为“%s”", l->form->id);
		break;
	case REPORT_KEY_ORGAN:
		problem = strlen(s) != len ? "不能含有控制字符" : report_organ_problem(s, len);
		if (problem)
			fail(l, "load.value", NULL, here(l), "发布机关（organ）%s", problem);
		else
			report_set_organ(r, s);
		break;
	case REPORT_KEY_YEAR:
		if (!value_parse_count(s, len, 9999, &year, &problem) || year < REPORT_YEAR_MIN ||
		    year > REPORT_YEAR_MAX)
			fail(l, "load.value", NULL, here(l),
			     "报告年度（year）应为 %d 到 %d 之间的年份（写的是“%s”）",
			     REPORT_YEAR_MIN, REPORT_YEAR_MAX, shown = written_excerpt(s, 20));
		else
			r->year = (int)year;
		break;
	case REPORT_KEY_ISSUED_ON:
		if (is_plain_null(&l->event))
			break;
		if (!value_parse_date(s, len, &r->issued_on.year, &r->issued_on.month,
				      &r->issued_on.day))
			fail(l, "load.value", NULL, here(l),
			     "成文日期（issued_on）应为“年-月-日”形式的有效日期，例如 2022-01-20（写的是“%s”）",
			     shown = written_excerpt(s, 20));
		break;
	case REPORT_KEY_DRAFT:
		if (plain && strcmp(s, "true") == 0)
			r->draft = true;
		else if (plain && strcmp(s, "false") == 0)
			r->draft = false;
		else
			fail(l, "load.value", NULL, here(l),
			     "草稿标记（draft）只能是 true 或 false（写的是“%s”）",
			     shown = written_excerpt(s, 20));
		break;
	default:
		break;
	}
	free(shown);
}

/* Loads `confirmed`, the sections the clerk confirmed: a list of section
 * keys (report_section_key), each at most once. */
static void load_confirmed(struct loader *l)
{
	const struct form *f = l->form;
	l->report->key_marks[REPORT_KEY_CONFIRMED] = here(l);
	if (l->event.type != YAML_SEQUENCE_START_EVENT) {
		if (l->event.type == YAML_SCALAR_EVENT && is_plain_null(&l->event))
			return;
		fail(l, "load.type", NULL, here(l),
		     "已确认的部分（confirmed）应为一个列表，例如 [overview, requests]，这里是%s",
		     node_kind_name(&l->event));
		skip_node(l, LOAD_SKIP_DEPTH);
		return;
	}
	check_plain_data(l);
	while (next(l) && l->event.type != YAML_SEQUENCE_END_EVENT) {
		if (!expect_scalar(l, "confirmed", NULL))
			continue;
		const char *key = (const char *)l->event.data.scalar.value;
		size_t s = report_find_section(f, key);
		if (s == FORM_NONE) {
			const char **names = xcalloc(f->nsections + 1, sizeof *names);
			for (size_t i = 0; i < f->nsections; i++)
				names[i] = report_section_key(f, i);
			unknown_key(l, key, names, f->nsections, here(l));
			for (size_t i = 0; i < f->nsections; i++)
				free((char *)names[i]);
			free(names);
		} else if (l->report->confirmed[s]) {
			fail(l, "load.key", NULL, here(l), "已确认的部分“%s”重复出现", key);
		} else {
			l->report->confirmed[s] = true;
		}
	}
}

/* Why an entry of acknowledged: cannot be one (a static phrase), or NULL. */
static const char *ack_problem(const struct form *f, char *const *v)
{
	size_t i = 0;
	while (i < f->nrules && strcmp(f->rules[i].id, v[0]) != 0)
		i++;
	if (i == f->nrules)
		return "rule 不是本报告格式的规则";
	if (!f->rules[i].warning)
		return "这条规则是错误，不能标为已核实：错误必须改正";
	if (form_find_cell(f, v[1]) == FORM_NONE)
		return "path 不是本报告格式的数据格";
	for (int k = 0; k < 4; k++)
		for (const char *p = v[k]; *p; p++)
			if ((unsigned char)*p < 0x20)
				return "不能含有换行或控制字符";
	if (!*v[2])
		return "reason（核实的理由）不能为空";
	return NULL;
}

/* acknowledged: a list of {rule, path, reason, value} (ack.h). */
static void load_acks(struct loader *l)
{
	static const char *names[] = {"rule", "path", "reason", "value"};
	if (l->event.type != YAML_SEQUENCE_START_EVENT) {
		fail(l, "load.type", NULL, here(l),
		     "已核实的警告（acknowledged）应为一个列表，这里是%s",
		     node_kind_name(&l->event));
		skip_node(l, LOAD_SKIP_DEPTH);
		return;
	}
	check_plain_data(l);
	while (next(l) && l->event.type != YAML_SEQUENCE_END_EVENT) {
		if (l->event.type != YAML_MAPPING_START_EVENT) {
			fail(l, "load.type", NULL, here(l),
			     "已核实的警告每一项应为 {rule: …, path: …, reason: …, value: …}，这里是%s",
			     node_kind_name(&l->event));
			skip_node(l, LOAD_SKIP_DEPTH);
			continue;
		}
		check_plain_data(l);
		struct report_mark start = here(l), seen[4] = {{0}};
		struct report_mark *marks[4] = {&seen[0], &seen[1], &seen[2], &seen[3]};
		char *v[4] = {NULL};
		while (next(l) && l->event.type != YAML_MAPPING_END_EVENT) {
			const char *key;
			if (!read_key(l, &key))
				continue;
			size_t i = known_key(l, key, names, marks, 4);
			if (!next(l))
				break;
			if (i == 4)
				skip_node(l, LOAD_SKIP_DEPTH);
			else if (expect_scalar(l, names[i], NULL))
				v[i] = xstrndup((const char *)l->event.data.scalar.value,
						l->event.data.scalar.length);
		}
		const char *problem = NULL;
		for (int k = 0; k < 4 && !problem && !l->fatal; k++)
			if (!seen[k].line)
				fail(l, "load.missing", NULL, start, "已核实的警告缺少键“%s”",
				     names[k]),
					problem = "";
		if (!problem && !l->fatal && v[0] && v[1] && v[2] && v[3] &&
		    (problem = ack_problem(l->form, v)) != NULL)
			fail(l, "load.value", v[1], start, "已核实的警告（%s：%s）：%s", v[0], v[1],
			     problem);
		if (!problem && v[0] && v[1] && v[2] && v[3])
			ack_add(l->report, v[0], v[1], v[2], v[3]);
		for (int k = 0; k < 4; k++)
			free(v[k]);
		if (l->fatal)
			return;
	}
}

/* Loads the top-level mapping: the report's own keys and the form's. */
static void load_top(struct loader *l)
{
	const struct form *f = l->form;
	const struct form_node *root = &f->nodes[0];
	/* the form's keys, then acknowledged, which every form may have */
	size_t nknown = REPORT_KEYS + root->nchildren + 1;
	const char **names = xcalloc(nknown, sizeof *names);
	struct report_mark **marks = xcalloc(nknown, sizeof *marks);
	struct report_mark start = here(l), acks_mark = {0};
	names[nknown - 1] = "acknowledged";
	marks[nknown - 1] = &acks_mark;

	for (int k = 0; k < REPORT_KEYS; k++) {
		names[k] = report_key_name((enum report_key)k);
		marks[k] = &l->report->key_marks[k];
	}
	for (size_t i = 0; i < root->nchildren; i++) {
		names[REPORT_KEYS + i] = f->nodes[root->children[i]].key;
		marks[REPORT_KEYS + i] = &l->node_marks[root->children[i]];
	}
	while (next(l) && l->event.type != YAML_MAPPING_END_EVENT) {
		const char *key;
		if (!read_key(l, &key))
			continue;
		size_t i = known_key(l, key, names, marks, nknown);
		if (!next(l))
			break;
		if (i == nknown)
			skip_node(l, LOAD_SKIP_DEPTH);
		else if (i == REPORT_KEY_CONFIRMED)
			load_confirmed(l);
		else if (i < REPORT_KEYS)
			load_key_value(l, (enum report_key)i);
		else if (i == nknown - 1)
			load_acks(l);
		else
			load_node(l, root->children[i - REPORT_KEYS]);
	}
	static const enum report_key required[] = {REPORT_KEY_FORM, REPORT_KEY_ORGAN,
						   REPORT_KEY_YEAR};
	for (size_t k = 0; k < sizeof required / sizeof required[0] && !l->fatal; k++)
		if (!l->report->key_marks[required[k]].line)
			fail(l, "load.missing", NULL, start, "缺少键“%s”（%s）", names[required[k]],
			     required[k] == REPORT_KEY_FORM ? "报告格式，例如 gov-info-2021"
			     : required[k] == REPORT_KEY_ORGAN ? "发布机关"
							       : "报告年度");
	free(marks);
	free(names);
	if (l->fatal)
		return;
	for (size_t i = 0; i < root->nchildren; i++) {
		size_t child = root->children[i];
		if (!l->node_marks[child].line && node_holds_numbers(f, child))
			fail(l, "load.missing", NULL, start, "缺少键“%s”（%s）",
			     f->nodes[child].key,
			     f->nodes[child].label ? f->nodes[child].label : "");
	}
}

/* Gives cells that were not in the file the place of their nearest
 * enclosing key, so that every diagnostic has a position. */
static void place_missing(struct loader *l)
{
	const struct form *f = l->form;
	for (size_t c = 0; c < f->ncells; c++) {
		if (l->report->marks[c].line)
			continue;
		struct report_mark m = {1, 1};
		for (size_t p = f->cells[c].node; p != FORM_NONE; p = f->nodes[p].parent)
			if (l->node_marks[p].line) {
				m = l->node_marks[p];
				break;
			}
		l->report->marks[c] = m;
	}
}

static void load_document(struct loader *l)
{
	if (!next(l) || !next(l))
		return; /* stream start, document start */
	if (l->event.type == YAML_STREAM_END_EVENT) {
		fail_fatal(l, "load.empty", here(l), "文件里没有内容，不是报告文件");
		return;
	}
	if (!next(l))
		return;
	if (l->event.type != YAML_MAPPING_START_EVENT) {
		fail_fatal(l, "load.type", here(l),
			   "报告文件应以“form: …”“organ: …”等“键: 值”开头，这里是%s",
			   node_kind_name(&l->event));
		return;
	}
	check_plain_data(l);
	l->node_marks[0] = here(l);
	load_top(l);
	if (l->fatal || !next(l) || !next(l)) /* document end, then stream end */
		return;
	if (l->event.type != YAML_STREAM_END_EVENT)
		fail(l, "load.syntax", NULL, here(l),
		     "一个报告文件只能有一个 YAML 文档（多了“---”）");
}

/* First pass: the value of the top-level `form` key, or NULL.  Problems
 * that stop it are reported; *stopped tells whether it stopped. */
static char *find_form_id(const char *data, size_t len, struct diag_list *diags, bool *stopped)
{
	struct loader l = {.diags = diags};
	char *id = NULL;
	int depth = 0;
	bool expect_key = true, key_is_form = false;

	yaml_parser_initialize(&l.parser);
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	while (!id && next(&l) && l.event.type != YAML_STREAM_END_EVENT) {
		yaml_event_type_t type = l.event.type;
		if (type == YAML_MAPPING_START_EVENT || type == YAML_SEQUENCE_START_EVENT) {
			if (depth == 0 && type != YAML_MAPPING_START_EVENT)
				break; /* the second pass says what is wrong */
			if (++depth > LOAD_SKIP_DEPTH + 4) {
				fail_fatal(&l, "load.nesting", here(&l),
					   "嵌套层次太深：报告文件的结构没有这么多层");
				break;
			}
			continue;
		}
		if (type == YAML_MAPPING_END_EVENT || type == YAML_SEQUENCE_END_EVENT) {
			if (--depth == 1) { /* a whole key or value inside the top map */
				expect_key = !expect_key;
				key_is_form = false;
			}
			continue;
		}
		if (depth != 1 || (type != YAML_SCALAR_EVENT && type != YAML_ALIAS_EVENT))
			continue;
		const char *value = type == YAML_SCALAR_EVENT
					    ? (const char *)l.event.data.scalar.value
					    : "";
		if (expect_key)
			key_is_form = strcmp(value, "form") == 0;
		else if (key_is_form && type == YAML_SCALAR_EVENT)
			id = xstrdup(value);
		expect_key = !expect_key;
	}
	*stopped = l.fatal;
	release_event(&l);
	yaml_parser_delete(&l.parser);
	return id;
}

/* report_load_buffer, with the file's name (may be NULL) for advice. */
static struct report *load_buffer(const char *data, size_t len, const char *file,
				  struct catalog *catalog, const struct catalog_entry **entry_out,
				  struct diag_list *diags)
{
	size_t errors_before = diags->count;
	if (entry_out)
		*entry_out = NULL;
	if (len > REPORT_FILE_MAX_BYTES) {
		add_error(diags, "load.size", (struct report_mark){1, 1},
			  "文件太大，报告文件最大为 %u MiB", REPORT_FILE_MAX_BYTES >> 20);
		return NULL;
	}
	if (!check_not_published(data, len, file, catalog, diags) ||
	    !check_encoding(data, len, diags))
		return NULL;
	/* libyaml, told the encoding, would take the BOM for a character of
	 * the first line and misread its indentation: hand it what follows */
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}

	bool stopped;
	char *id = find_form_id(data, len, diags, &stopped);
	if (stopped) {
		free(id);
		return NULL;
	}
	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(
		catalog, id ? id : catalog_default_id(catalog), &error);
	if (!entry) {
		add_error(diags, "load.form", (struct report_mark){1, 1}, "%s", error);
		free(error);
		free(id);
		return NULL;
	}
	free(id);

	struct loader l = {.diags = diags, .form = entry->form};
	l.report = report_new(entry->form);
	l.node_marks = xcalloc(entry->form->nnodes, sizeof *l.node_marks);
	yaml_parser_initialize(&l.parser);
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	load_document(&l);
	release_event(&l);
	yaml_parser_delete(&l.parser);
	place_missing(&l);
	free(l.node_marks);

	if (diags->count > errors_before && diag_list_has_errors(diags)) {
		report_free(l.report);
		return NULL;
	}
	if (entry_out)
		*entry_out = entry;
	return l.report;
}

struct report *report_load_buffer(const char *data, size_t len, struct catalog *catalog,
				  const struct catalog_entry **entry, struct diag_list *diags)
{
	return load_buffer(data, len, NULL, catalog, entry, diags);
}

struct report *report_load_file(const char *filename, struct catalog *catalog,
				const struct catalog_entry **entry, struct diag_list *diags)
{
	size_t len;
	char *data = report_read_file(filename, REPORT_FILE_MAX_BYTES, &len, diags);
	if (!data) {
		if (entry)
			*entry = NULL;
		return NULL;
	}
	struct report *r = load_buffer(data, len, filename, catalog, entry, diags);
	free(data);
	return r;
}
