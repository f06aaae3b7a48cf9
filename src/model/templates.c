/* Loading the text templates; see templates.h. */
#include "templates.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "report_load.h"
#include "template.h"
#include "templates_builtin.h"
#include "xalloc.h"
#include "ytree.h"

#define TEMPLATES_FILE_MAX (64u << 10)

struct templates_def {
	const char *file; /* templates/FILE.yaml */
	const char *key;
	const char *vars[4];  /* the placeholders it may use */
	const char *required; /* a placeholder it must use, or NULL */
	bool cells;	      /* placeholders are the form's cell paths, checked when filled */
};

static const struct templates_def defs[TEMPLATES_COUNT] = {
	[TEMPLATES_TEXT_DRAFT_LINE] = {"text", "draft_line", {0}, NULL, false},
	[TEMPLATES_SIGNATURE_DATE] =
		{"text", "signature_date", {"year", "month", "day"}, NULL, false},
	[TEMPLATES_DRAFT_REWRITE_MARK] = {"draft", "rewrite_mark", {0}, NULL, false},
	[TEMPLATES_DRAFT_YEAR] = {"draft", "year", {"year"}, "year", false},
	[TEMPLATES_DRAFT_VERIFY_MARK] = {"draft", "verify_mark", {"year"}, NULL, false},
	[TEMPLATES_DRAFT_YEAR_WORDS] = {"draft", "year_words", {0}, NULL, false},
	[TEMPLATES_PDF_DRAFT_MARK] = {"pdf", "draft_mark", {0}, NULL, false},
	[TEMPLATES_PDF_PAGE_NUMBER] = {"pdf", "page_number", {"page"}, "page", false},
	[TEMPLATES_HELP_BASIC] = {"help", "basic", {0}, NULL, false},
	[TEMPLATES_HELP_OVERVIEW] = {"help", "overview", {0}, NULL, false},
	[TEMPLATES_HELP_PROACTIVE] = {"help", "proactive", {0}, NULL, false},
	[TEMPLATES_HELP_REQUESTS] = {"help", "requests", {0}, NULL, false},
	[TEMPLATES_HELP_APPEALS] = {"help", "appeals", {0}, NULL, false},
	[TEMPLATES_HELP_PROBLEMS] = {"help", "problems", {0}, NULL, false},
	[TEMPLATES_HELP_OTHER] = {"help", "other", {0}, NULL, false},
	[TEMPLATES_HELP_DEADLINE] = {"help", "deadline", {"year"}, "year", false},
	[TEMPLATES_HELP_DAYS_LEFT] = {"help", "days_left", {"days"}, "days", false},
	[TEMPLATES_HELP_DAYS_OVER] = {"help", "days_over", {"days"}, "days", false},
	[TEMPLATES_SENTENCES_OVERVIEW] = {"sentences", "overview", {0}, NULL, true},
	[TEMPLATES_SENTENCES_OTHER] = {"sentences", "other", {0}, NULL, true},
};

static char *in_use[TEMPLATES_COUNT];
static char *source_of[TEMPLATES_COUNT]; /* the file each came from, for messages */

/* Sets *error to "where:line:column: message" and returns false. */
static bool fail_at(char **error, const char *where, const struct ytree *at, const char *msg)
{
	*error = xasprintf("%s:%d:%d: %s", where, at ? at->line : 1, at ? at->column : 1, msg);
	return false;
}

/* The keys of file, separated by "、" (caller frees). */
static char *keys_of(const char *file)
{
	struct buf b;
	buf_init(&b);
	for (size_t k = 0; k < TEMPLATES_COUNT; k++)
		if (strcmp(defs[k].file, file) == 0)
			buf_addf(&b, "%s%s", b.len ? "、" : "", defs[k].key);
	return buf_take(&b);
}

static bool has_var(const struct templates_def *d, const char *name, size_t len)
{
	for (size_t i = 0; i < 4 && d->vars[i]; i++)
		if (strlen(d->vars[i]) == len && memcmp(d->vars[i], name, len) == 0)
			return true;
	return false;
}

/* A value: one line of text whose braces are {name} of d's placeholders
 * or the escapes {{ and }}. */
static bool check_value(const struct templates_def *d, const struct ytree *v, const char *where,
			char **error)
{
	char *msg = NULL;
	bool used_required = !d->required;
	if (v->kind != YTREE_SCALAR)
		msg = xasprintf("模板“%s”应为一行文字", d->key);
	else if (v->len == 0)
		msg = xasprintf("模板“%s”是空的", d->key);
	for (size_t i = 0; !msg && i < v->len; i++) {
		unsigned char c = (unsigned char)v->value[i];
		const char *p = v->value + i;
		if (c < 0x20 || c == 0x7f) {
			msg = xasprintf("模板“%s”只能是一行文字，不能有换行或控制字符", d->key);
		} else if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			i++;
		} else if (c == '}' || (c == '{' && !strchr(p, '}'))) {
			msg = xasprintf("模板“%s”中有单独的“%c”：花括号本身要写成“%c%c”", d->key, c,
					c, c);
		} else if (c == '{') {
			size_t len = (size_t)(strchr(p, '}') - p - 1);
			if (d->cells) {
				/* the form is not known here: sentences_fill checks the path */
			} else if (!has_var(d, p + 1, len)) {
				struct buf known;
				buf_init(&known);
				for (size_t k = 0; k < 4 && d->vars[k]; k++)
					buf_addf(&known, "%s{%s}", k ? "、" : "", d->vars[k]);
				const char *which = known.len ? "可用的有 "
							      : "这个模板没有可替换的名称";
				msg = xasprintf("模板“%s”中的“%.*s”不认识：%s%s", d->key,
						(int)len + 2, p, which, known.data);
				buf_fini(&known);
			} else if (d->required && strlen(d->required) == len &&
				   memcmp(d->required, p + 1, len) == 0) {
				used_required = true;
			}
			i += len + 1;
		}
	}
	if (!msg && !used_required)
		msg = xasprintf("模板“%s”要写上“{%s}”", d->key, d->required);
	if (!msg)
		return true;
	fail_at(error, where, v, msg);
	free(msg);
	return false;
}

/* Parses one template file into texts[], for the keys of file. */
static bool load_file(const char *file, const char *data, size_t len, const char *where,
		      char **texts, char **error)
{
	struct ytree_error yerr;
	struct ytree *root = ytree_parse(data, len, 2, &yerr);
	if (!root) {
		*error = xasprintf("%s:%d:%d: %s", where, yerr.line ? yerr.line : 1,
				   yerr.column ? yerr.column : 1, yerr.message);
		free(yerr.message);
		return false;
	}
	bool ok = true;
	if (root->kind != YTREE_MAPPING)
		ok = fail_at(error, where, root, "模板文件应为“名称: 文字”的映射");
	for (size_t i = 0; ok && i < root->count; i += 2) {
		const struct ytree *k = root->items[i], *v = root->items[i + 1];
		size_t key = TEMPLATES_COUNT;
		for (size_t d = 0; k->kind == YTREE_SCALAR && d < TEMPLATES_COUNT; d++)
			if (strcmp(defs[d].file, file) == 0 && strcmp(defs[d].key, k->value) == 0)
				key = d;
		if (key == TEMPLATES_COUNT) {
			char *keys = keys_of(file);
			char *msg = xasprintf("未知的模板“%s”；%s.yaml 的模板有：%s",
					      k->kind == YTREE_SCALAR ? k->value : "?", file, keys);
			ok = fail_at(error, where, k, msg);
			free(msg);
			free(keys);
		} else if (texts[key]) {
			char *msg = xasprintf("模板“%s”重复", k->value);
			ok = fail_at(error, where, k, msg);
			free(msg);
		} else if ((ok = check_value(&defs[key], v, where, error))) {
			texts[key] = xstrdup(v->value);
		}
	}
	for (size_t d = 0; ok && d < TEMPLATES_COUNT; d++)
		if (strcmp(defs[d].file, file) == 0 && !texts[d]) {
			char *msg = xasprintf("缺少模板“%s”", defs[d].key);
			ok = fail_at(error, where, root, msg);
			free(msg);
		}
	ytree_free(root);
	return ok;
}

static bool is_builtin(const char *file)
{
	for (size_t i = 0; i < templates_builtin_count; i++)
		if (strcmp(templates_builtin[i].name, file) == 0)
			return true;
	return false;
}

/* Refuses a *.yaml in dir that replaces no built-in file (a misspelt name
 * would otherwise be ignored without a word). */
static bool check_dir(const char *dir, char **error)
{
	DIR *d = opendir(dir);
	if (!d) {
		*error = xasprintf("NIANBAO_TEMPLATES_DIR=%s：无法打开这个目录：%s", dir,
				   strerror(errno));
		return false;
	}
	bool ok = true;
	for (struct dirent *e; ok && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
			continue;
		char *file = xstrndup(e->d_name, n - 5);
		if (!is_builtin(file)) {
			struct buf known;
			buf_init(&known);
			for (size_t i = 0; i < templates_builtin_count; i++)
				buf_addf(&known, "%s%s.yaml", i ? "、" : "",
					 templates_builtin[i].name);
			*error = xasprintf("%s/%s: 不是 nianbao 的模板文件；模板文件有：%s", dir,
					   e->d_name, known.data);
			buf_fini(&known);
			ok = false;
		}
		free(file);
	}
	closedir(d);
	return ok;
}

/* The override of file in dir, read into *data; false with *error set when
 * it exists but cannot be read; true with *data NULL when there is none. */
static bool read_override(const char *path, char **data, size_t *len, char **error)
{
	struct stat st;
	*data = NULL;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return true;
	} else if (S_ISREG(st.st_mode) && st.st_size > (off_t)TEMPLATES_FILE_MAX) {
		*error = xasprintf("%s: 文件太大（%lld 字节），模板文件最大为 %u KiB", path,
				   (long long)st.st_size, TEMPLATES_FILE_MAX >> 10);
		return false;
	}
	struct diag_list diags;
	diag_list_init(&diags);
	*data = report_read_file(path, TEMPLATES_FILE_MAX, len, &diags);
	if (!*data)
		*error = xasprintf("%s: %s", path,
				   diags.count ? diags.items[0].message : "无法读取");
	diag_list_fini(&diags);
	return *data != NULL;
}

bool templates_load(const char *dir, char **error)
{
	char *texts[TEMPLATES_COUNT] = {0}, *sources[TEMPLATES_COUNT] = {0};
	bool ok = !(dir && *dir) || check_dir(dir, error);
	for (size_t i = 0; ok && i < templates_builtin_count; i++) {
		const struct embedded_file *b = &templates_builtin[i];
		char *data = NULL, *path = NULL, *where;
		size_t len = b->len;
		if (dir && *dir) {
			path = xasprintf("%s/%s.yaml", dir, b->name);
			ok = read_override(path, &data, &len, error);
		}
		where = data ? xstrdup(path) : xasprintf("templates/%s.yaml（内置）", b->name);
		if (ok)
			ok = load_file(b->name, data ? data : b->data, data ? len : b->len, where,
				       texts, error);
		for (size_t k = 0; ok && k < TEMPLATES_COUNT; k++)
			if (texts[k] && !sources[k])
				sources[k] = xstrdup(where);
		free(where);
		free(path);
		free(data);
	}
	for (size_t k = 0; ok && k < TEMPLATES_COUNT; k++)
		if (!texts[k]) {
			*error = xasprintf("templates/%s.yaml: 程序中缺少这个模板文件（模板“%s”）",
					   defs[k].file, defs[k].key);
			ok = false;
		}
	if (!ok) {
		for (size_t k = 0; k < TEMPLATES_COUNT; k++) {
			free(texts[k]);
			free(sources[k]);
		}
		return false;
	}
	templates_unload();
	memcpy(in_use, texts, sizeof in_use);
	memcpy(source_of, sources, sizeof source_of);
	return true;
}

const char *templates_get(enum templates_key key)
{
	if (!in_use[key]) {
		char *error = NULL;
		if (!templates_load(NULL, &error))
			abort(); /* the built-in files are broken: test_templates says how */
	}
	return in_use[key];
}

const char *templates_source(enum templates_key key)
{
	templates_get(key);
	return source_of[key];
}

void templates_expand(struct buf *out, enum templates_key key, const struct template_var *vars,
		      size_t nvars)
{
	template_expand(out, templates_get(key), vars, nvars);
}

char *templates_signature_date(int year, int month, int day)
{
	char y[16], m[16], d[16];
	snprintf(y, sizeof y, "%d", year);
	snprintf(m, sizeof m, "%d", month);
	snprintf(d, sizeof d, "%d", day);
	const struct template_var vars[] = {{"year", y}, {"month", m}, {"day", d}};
	struct buf out;
	buf_init(&out);
	templates_expand(&out, TEMPLATES_SIGNATURE_DATE, vars, 3);
	return buf_take(&out);
}

void templates_unload(void)
{
	for (size_t k = 0; k < TEMPLATES_COUNT; k++) {
		free(in_use[k]);
		free(source_of[k]);
		in_use[k] = source_of[k] = NULL;
	}
}
