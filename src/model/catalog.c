/* The catalog of forms; see catalog.h. */
#include "catalog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "file_read.h"
#include "form.h"
#include "forms_builtin.h"
#include "rules.h"
#include "xalloc.h"

#define CATALOG_MAX_DEFINITION (1u << 20)

struct catalog_slot {
	char *id;
	char *source;	  /* file path, or NULL for a built-in */
	const char *data; /* built-ins: the definition text */
	size_t len;
	struct catalog_entry entry;
	bool loaded;
};

struct catalog {
	struct catalog_slot *slots;
	size_t count;
};

static struct catalog_slot *find_slot(const struct catalog *c, const char *id)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->slots[i].id, id) == 0)
			return &c->slots[i];
	return NULL;
}

/* A form id is the file name without .yaml: letters, digits, '-' and '_'. */
static bool valid_id(const char *id)
{
	if (!*id || strlen(id) > 64)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			return false;
	return true;
}

struct catalog *catalog_new(void)
{
	struct catalog *c = xcalloc(1, sizeof *c);
	c->slots = xcalloc(forms_builtin_count + 1, sizeof *c->slots);
	for (size_t i = 0; i < forms_builtin_count; i++) {
		struct catalog_slot *s = &c->slots[c->count++];
		s->id = xstrdup(forms_builtin[i].name);
		s->data = forms_builtin[i].data;
		s->len = forms_builtin[i].len;
	}
	return c;
}

void catalog_free(struct catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++) {
		form_free((struct form *)c->slots[i].entry.form);
		rules_free((struct rules *)c->slots[i].entry.rules);
		free(c->slots[i].id);
		free(c->slots[i].source);
	}
	free(c->slots);
	free(c);
}

/* Reads a form definition file of at most 1 MiB. */
static char *read_definition(const char *path, size_t *len, char **error)
{
	struct file_read_error e;
	char *data = file_read(path, CATALOG_MAX_DEFINITION, 0, len, &e);
	if (!data &&
	    ((e.failure == FILE_READ_OPEN && e.err != ENOENT) || e.failure == FILE_READ_SPECIAL))
		*error = xasprintf("%s: 无法读取表格定义：%s", path, file_read_why(&e));
	else if (!data && e.failure != FILE_READ_OPEN)
		*error = xasprintf("%s: 表格定义无法读取或超过 1 MiB", path);
	return data;
}

static bool load_slot(struct catalog_slot *s, char **error)
{
	struct form_error ferr;
	char *owned = NULL;
	const char *data = s->data;
	size_t len = s->len;
	const char *where = s->source ? s->source : s->id;

	if (s->source) {
		owned = read_definition(s->source, &len, error);
		if (!owned)
			return false;
		data = owned;
	}
	struct form *form = form_parse(data, len, &ferr);
	free(owned);
	if (!form) {
		*error = xasprintf("表格定义 %s:%d:%d: %s", where, ferr.line, ferr.column,
				   ferr.message);
		free(ferr.message);
		return false;
	}
	if (strcmp(form->id, s->id) != 0) {
		*error = xasprintf("表格定义 %s 的 id 是“%s”，应与文件名“%s”一致", where, form->id,
				   s->id);
		form_free(form);
		return false;
	}
	char *rerr = NULL;
	struct rules *rules = rules_compile(form, &rerr);
	if (!rules) {
		*error = xasprintf("%s: %s", where, rerr);
		free(rerr);
		form_free(form);
		return false;
	}
	s->entry.form = form;
	s->entry.rules = rules;
	s->loaded = true;
	return true;
}

const struct catalog_entry *catalog_get(struct catalog *c, const char *id, char **error)
{
	*error = NULL;
	if (!valid_id(id)) {
		char *ids = catalog_ids(c);
		*error = xasprintf("未知的报告格式“%s”；nianbao 认识的格式：%s", id, ids);
		free(ids);
		return NULL;
	}
	struct catalog_slot *s = find_slot(c, id);
	const char *dir = getenv("NIANBAO_FORMS_DIR");
	if (dir && *dir && (!s || !s->loaded)) {
		char *path = xasprintf("%s/%s.yaml", dir, id);
		/* a file there replaces the built-in definition; reading it waits
		 * until the form is used */
		if (access(path, R_OK) == 0) {
			if (!s) {
				c->slots = xrealloc(c->slots, (c->count + 1) * sizeof *c->slots);
				s = &c->slots[c->count++];
				memset(s, 0, sizeof *s);
				s->id = xstrdup(id);
			}
			free(s->source);
			s->source = path;
			path = NULL;
		}
		free(path);
	}
	if (!s) {
		char *ids = catalog_ids(c);
		*error = xasprintf("未知的报告格式“%s”；nianbao 认识的格式：%s", id, ids);
		free(ids);
		return NULL;
	}
	if (!s->loaded && !load_slot(s, error))
		return NULL;
	return &s->entry;
}

const char *catalog_default_id(const struct catalog *c)
{
	return c->count ? c->slots[0].id : "";
}

char *catalog_ids(const struct catalog *c)
{
	struct buf out;
	buf_init(&out);
	for (size_t i = 0; i < c->count; i++) {
		if (i)
			buf_adds(&out, "、");
		buf_adds(&out, c->slots[i].id);
	}
	return buf_take(&out);
}
