/* Loading a form definition into the model of form.h.  Everything about
 * the mandated format comes from the YAML; this file only knows how a
 * form definition is written. */
#include "form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"
#include "ytree.h"

#define FORM_MAX_BYTES (1u << 20)
#define FORM_MAX_DEPTH 16
#define FORM_MAX_ROW_DEPTH 4

/* Keys of the report itself, which no data path may take. */
static const char *const reserved_keys[] = {"form", "organ", "year", "issued_on", "draft"};

struct form_builder {
	struct form *form;
	struct form_error *error;
	size_t cap_cells, cap_nodes, cap_tables;
};

static bool fail(struct form_builder *b, const struct ytree *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct form_builder *b, const struct ytree *at, const char *fmt, ...)
{
	if (b->error->message)
		return false;
	/* measured first: a fixed buffer would cut a long label inside a character */
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	msg[0] = '\0';
	vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, again);
	va_end(again);
	b->error->message = msg;
	b->error->line = at ? at->line : 0;
	b->error->column = at ? at->column : 0;
	return false;
}

static bool is_scalar(const struct ytree *t)
{
	return t && t->kind == YTREE_SCALAR && strlen(t->value) == t->len;
}

/* A required (or, with required false, optional) string field. */
static bool get_string(struct form_builder *b, const struct ytree *map, const char *key,
		       bool required, char **out)
{
	const struct ytree *v = ytree_get(map, key);
	*out = NULL;
	if (!v) {
		if (required)
			return fail(b, map, "缺少“%s”", key);
		return true;
	}
	if (!is_scalar(v) || v->len == 0)
		return fail(b, v, "“%s”应为一段非空文字", key);
	*out = xstrdup(v->value);
	return true;
}

static bool get_bool(struct form_builder *b, const struct ytree *map, const char *key, bool *out)
{
	const struct ytree *v = ytree_get(map, key);
	*out = false;
	if (!v)
		return true;
	if (is_scalar(v) && strcmp(v->value, "true") == 0)
		*out = true;
	else if (!is_scalar(v) || strcmp(v->value, "false") != 0)
		return fail(b, v, "“%s”应为 true 或 false", key);
	return true;
}

static bool get_int(struct form_builder *b, const struct ytree *map, const char *key, int64_t *out)
{
	const struct ytree *v = ytree_get(map, key);
	if (!v)
		return true;
	if (!is_scalar(v) || v->len == 0 || v->len > 15)
		return fail(b, v, "“%s”应为整数", key);
	int64_t n = 0;
	for (size_t i = 0; i < v->len; i++) {
		if (v->value[i] < '0' || v->value[i] > '9')
			return fail(b, v, "“%s”应为整数", key);
		n = n * 10 + (v->value[i] - '0');
	}
	*out = n;
	return true;
}

/* Refuses keys a definition does not know, naming them. */
static bool check_keys(struct form_builder *b, const struct ytree *map, const char *const *known)
{
	if (!map || map->kind != YTREE_MAPPING)
		return fail(b, map, "此处应为映射（键: 值）");
	for (size_t i = 0; i < map->count; i += 2) {
		const struct ytree *k = map->items[i];
		bool ok = false;
		for (size_t j = 0; is_scalar(k) && known[j]; j++)
			ok = ok || strcmp(k->value, known[j]) == 0;
		if (!ok)
			return fail(b, k, "未知的键“%s”", is_scalar(k) ? k->value : "?");
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(map->items[j]->value, k->value) == 0)
				return fail(b, k, "键“%s”重复", k->value);
	}
	return true;
}

static bool valid_key(const char *s, size_t len)
{
	if (len == 0 || !(s[0] >= 'a' && s[0] <= 'z'))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

size_t form_node_child(const struct form *form, size_t node, const char *key, size_t len)
{
	const struct form_node *n = &form->nodes[node];
	for (size_t i = 0; i < n->nchildren; i++) {
		const char *k = form->nodes[n->children[i]].key;
		if (strlen(k) == len && memcmp(k, key, len) == 0)
			return n->children[i];
	}
	return FORM_NONE;
}

static size_t node_add(struct form_builder *b, size_t parent, const char *key, size_t len,
		       enum form_node_kind kind)
{
	struct form *f = b->form;
	f->nodes = xgrow(f->nodes, &b->cap_nodes, f->nnodes + 1, sizeof *f->nodes);
	size_t id = f->nnodes++;
	struct form_node *n = &f->nodes[id];
	memset(n, 0, sizeof *n);
	n->key = xstrndup(key, len);
	n->kind = kind;
	n->parent = parent;
	n->table = n->row = n->cell = FORM_NONE;
	if (parent != FORM_NONE) {
		struct form_node *p = &f->nodes[parent];
		p->children = xrealloc(p->children, (p->nchildren + 1) * sizeof *p->children);
		p->children[p->nchildren++] = id;
	}
	return id;
}

/* The map node at path, creating missing maps; FORM_NONE if the path runs
 * into something that is not a map. */
static size_t map_node_at(struct form_builder *b, const struct ytree *at, const char *path,
			  size_t len)
{
	size_t node = 0;
	size_t start = 0;
	while (start < len) {
		const char *dot = memchr(path + start, '.', len - start);
		size_t end = dot ? (size_t)(dot - path) : len;
		if (!valid_key(path + start, end - start)) {
			fail(b, at, "数据路径“%s”中的键不合法（只能用小写字母、数字和下划线）",
			     path);
			return FORM_NONE;
		}
		size_t child = form_node_child(b->form, node, path + start, end - start);
		if (child == FORM_NONE)
			child = node_add(b, node, path + start, end - start, FORM_NODE_MAP);
		else if (b->form->nodes[child].kind != FORM_NODE_MAP) {
			fail(b, at, "数据路径“%s”与另一格的路径冲突", path);
			return FORM_NONE;
		}
		node = child;
		start = end + 1;
	}
	return node;
}

static size_t node_at_path(const struct form *f, const char *path)
{
	size_t node = 0;
	const char *p = path;
	while (node != FORM_NONE && *p) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);
		node = form_node_child(f, node, p, len);
		p += len + (dot ? 1 : 0);
	}
	return node;
}

/* Creates the leaf node (row or cell) for a data path. */
static size_t leaf_node(struct form_builder *b, const struct ytree *at, const char *path,
			enum form_node_kind kind)
{
	const char *dot = strrchr(path, '.');
	size_t parent = dot ? map_node_at(b, at, path, (size_t)(dot - path)) : 0;
	const char *key = dot ? dot + 1 : path;
	if (parent == FORM_NONE)
		return FORM_NONE;
	if (!valid_key(key, strlen(key)) || strstr(path, ".."))
		return fail(b, at, "数据路径“%s”中的键不合法（只能用小写字母、数字和下划线）",
			    path),
		       FORM_NONE;
	if (parent == 0)
		for (size_t i = 0; i < sizeof reserved_keys / sizeof reserved_keys[0]; i++)
			if (strcmp(key, reserved_keys[i]) == 0)
				return fail(b, at, "数据路径不能用保留的键“%s”", key), FORM_NONE;
	size_t taken = form_node_child(b->form, parent, key, strlen(key));
	if (taken != FORM_NONE && b->form->nodes[taken].kind == FORM_NODE_MAP)
		return fail(b, at, "数据路径“%s”与另一格的路径冲突", path), FORM_NONE;
	if (taken != FORM_NONE)
		return fail(b, at, "数据路径“%s”重复", path), FORM_NONE;
	return node_add(b, parent, key, strlen(key), kind);
}

static size_t cell_add(struct form_builder *b, char *path, char *label, enum form_value_type type,
		       size_t section, size_t node)
{
	struct form *f = b->form;
	f->cells = xgrow(f->cells, &b->cap_cells, f->ncells + 1, sizeof *f->cells);
	struct form_cell *c = &f->cells[f->ncells];
	c->path = path;
	c->label = label;
	c->type = type;
	c->section = section;
	c->table = c->row = c->column = FORM_NONE;
	c->node = node;
	return f->ncells++;
}

static bool parse_types(struct form_builder *b, const struct ytree *types)
{
	static const char *const names[FORM_VALUE_TYPES] = {"count", "money", "text"};
	static const char *const kinds[FORM_VALUE_TYPES] = {"integer", "decimal", "text"};
	static const char *const known[] = {"count", "money", "text", NULL};
	/* each type only the fields that mean something for it */
	static const char *const fields[FORM_VALUE_TYPES][7] = {
		{"kind", "max", "rule", NULL},
		{"kind", "decimals", "below", "unit", "rule", NULL},
		{"kind", "max_chars", NULL}, /* no rule can be about texts' values */
	};
	if (!check_keys(b, types, known))
		return false;
	for (int t = 0; t < FORM_VALUE_TYPES; t++) {
		const struct ytree *d = ytree_get(types, names[t]);
		struct form_type *ty = &b->form->types[t];
		int64_t max_chars = 0, decimals = 0;
		if (!d)
			return fail(b, types, "types 缺少“%s”", names[t]);
		if (!check_keys(b, d, fields[t]))
			return false;
		const struct ytree *kind = ytree_get(d, "kind");
		if (!kind)
			return fail(b, d, "types 的“%s”缺少 kind", names[t]);
		if (!is_scalar(kind) || strcmp(kind->value, kinds[t]) != 0)
			return fail(b, kind, "“%s”的 kind 只能是 %s", names[t], kinds[t]);
		if (!get_int(b, d, "max", &ty->max) || !get_int(b, d, "decimals", &decimals) ||
		    !get_int(b, d, "below", &ty->below) ||
		    !get_int(b, d, "max_chars", &max_chars) ||
		    !get_string(b, d, "unit", false, &ty->unit) ||
		    !get_string(b, d, "rule", false, &ty->rule))
			return false;
		ty->decimals = (int)decimals;
		ty->max_chars = (size_t)max_chars;
		if (t == FORM_COUNT && (ty->max <= 0 || ty->max > 999999999999999LL))
			return fail(b, d, "count 需要 1 到 999999999999999 之间的 max");
		if (t == FORM_MONEY && (ty->decimals < 0 || ty->decimals > 4 || ty->below <= 0 ||
					ty->below > 100000000000LL))
			return fail(b, d, "money 需要 0 到 4 的 decimals 和正的 below");
		if (t == FORM_TEXT && ty->max_chars == 0)
			return fail(b, d, "text 需要正的 max_chars");
	}
	return true;
}

static const struct form_column_set *find_column_set(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->ncolumn_sets; i++)
		if (strcmp(f->column_sets[i].name, name) == 0)
			return &f->column_sets[i];
	return NULL;
}

static bool parse_column_sets(struct form_builder *b, const struct ytree *sets)
{
	static const char *const fields[] = {"key", "label", "groups", "total", "type", NULL};
	struct form *f = b->form;
	if (!sets || sets->kind != YTREE_MAPPING)
		return fail(b, sets, "column_sets 应为映射");
	f->column_sets = xcalloc(sets->count / 2 + 1, sizeof *f->column_sets);
	for (size_t i = 0; i < sets->count; i += 2) {
		const struct ytree *name = sets->items[i], *list = sets->items[i + 1];
		if (!is_scalar(name))
			return fail(b, name, "列组的名称应为文字");
		if (find_column_set(f, name->value))
			return fail(b, name, "列组“%s”重复", name->value);
		struct form_column_set *set = &f->column_sets[f->ncolumn_sets++];
		set->name = xstrdup(name->value);
		if (list->kind != YTREE_SEQUENCE || list->count == 0)
			return fail(b, list, "列组“%s”应为非空列表", set->name);
		set->columns = xcalloc(list->count, sizeof *set->columns);
		for (size_t j = 0; j < list->count; j++) {
			const struct ytree *c = list->items[j];
			struct form_column *col = &set->columns[set->ncolumns++];
			if (!check_keys(b, c, fields) ||
			    !get_string(b, c, "key", false, &col->key) ||
			    !get_string(b, c, "label", true, &col->label) ||
			    !get_bool(b, c, "total", &col->total))
				return false;
			col->type = FORM_COUNT;
			const struct ytree *type = ytree_get(c, "type");
			if (type && !(is_scalar(type) && strcmp(type->value, "count") == 0)) {
				if (!is_scalar(type) || strcmp(type->value, "money") != 0)
					return fail(b, type, "列的类型只能是 count 或 money");
				col->type = FORM_MONEY;
			}
			if (col->key && !valid_key(col->key, strlen(col->key)))
				return fail(b, c, "列的键“%s”不合法", col->key);
			for (size_t k = 0; col->key && k + 1 < set->ncolumns; k++)
				if (set->columns[k].key &&
				    strcmp(set->columns[k].key, col->key) == 0)
					return fail(b, ytree_get(c, "key"),
						    "列组“%s”中列的键“%s”重复", set->name,
						    col->key);
			const struct ytree *groups = ytree_get(c, "groups");
			if (groups) {
				if (groups->kind != YTREE_SEQUENCE)
					return fail(b, groups, "groups 应为列表");
				col->groups = xcalloc(groups->count + 1, sizeof *col->groups);
				for (size_t g = 0; g < groups->count; g++) {
					if (!is_scalar(groups->items[g]))
						return fail(b, groups->items[g],
							    "列的分组名应为文字");
					col->groups[col->ngroups++] = xstrdup(
						groups->items[g]->value);
				}
			}
		}
	}
	return true;
}

/* The official label of a table row: enclosing groups (the outermost
 * only when it is the sole group) and the row, e.g.
 * （三）不予公开／1.属于国家秘密 or 行政诉讼／复议后起诉. */
static void add_row_label(struct buf *label, const struct form_table *t, size_t row)
{
	const struct form_row *chain[FORM_MAX_ROW_DEPTH + 2];
	size_t n = 0;
	for (size_t r = row; r != FORM_NONE && n < FORM_MAX_ROW_DEPTH + 2; r = t->rows[r].parent)
		chain[n++] = &t->rows[r];
	/* chain[n-1] is the outermost; skip it when two or more groups enclose */
	size_t top = n >= 3 ? n - 2 : n - 1;
	for (size_t i = top + 1; i-- > 0;) {
		buf_adds(label, chain[i]->label);
		if (i > 0)
			buf_adds(label, "／");
	}
}

/* The official label of a table cell: its row's, and its column's when
 * the table has columns. */
static char *table_cell_label(const struct form_table *t, size_t row, size_t column)
{
	struct buf label;
	buf_init(&label);
	add_row_label(&label, t, row);
	if (t->columns->ncolumns > 1 || t->store != FORM_STORE_SCALAR) {
		buf_adds(&label, "／");
		buf_adds(&label, t->columns->columns[column].label);
	}
	return buf_take(&label);
}

static bool add_table_row_cells(struct form_builder *b, size_t ti, size_t ri,
				const struct ytree *at)
{
	struct form *f = b->form;
	struct form_table *t = &f->tables[ti];
	struct form_row *row = &t->rows[ri];
	const struct form_column_set *cols = t->columns;
	size_t node = leaf_node(b, ytree_get(at, "path"), row->path,
				t->store == FORM_STORE_SCALAR ? FORM_NODE_CELL : FORM_NODE_ROW);
	if (node == FORM_NONE)
		return false;
	f->nodes[node].table = ti;
	f->nodes[node].row = ri;
	struct buf label;
	buf_init(&label);
	add_row_label(&label, t, ri);
	f->nodes[node].label = buf_take(&label);
	row->first_cell = f->ncells;
	for (size_t c = 0; c < cols->ncolumns; c++) {
		char *path;
		if (t->store == FORM_STORE_SEQUENCE)
			path = xasprintf("%s[%zu]", row->path, c);
		else if (t->store == FORM_STORE_MAP)
			path = xasprintf("%s.%s", row->path, cols->columns[c].key);
		else
			path = xstrdup(row->path);
		size_t cell = cell_add(b, path, table_cell_label(t, ri, c), cols->columns[c].type,
				       t->section, node);
		f->cells[cell].table = ti;
		f->cells[cell].row = ri;
		f->cells[cell].column = c;
		if (t->store == FORM_STORE_SCALAR)
			f->nodes[node].cell = cell;
	}
	return true;
}

static bool parse_rows(struct form_builder *b, size_t ti, const struct ytree *rows, size_t depth,
		       size_t parent, size_t *cap_rows)
{
	static const char *const fields[] = {"path", "label", "rows", "total", NULL};
	struct form_table *t = &b->form->tables[ti];
	if (!rows || rows->kind != YTREE_SEQUENCE || rows->count == 0)
		return fail(b, rows, "表格“%s”的 rows 应为非空列表", t->id);
	if (depth > FORM_MAX_ROW_DEPTH)
		return fail(b, rows, "表格“%s”的行分组太深", t->id);
	for (size_t i = 0; i < rows->count; i++) {
		const struct ytree *r = rows->items[i];
		t->rows = xgrow(t->rows, cap_rows, t->nrows + 1, sizeof *t->rows);
		size_t ri = t->nrows++;
		struct form_row *row = &t->rows[ri];
		memset(row, 0, sizeof *row);
		row->depth = depth;
		row->parent = parent;
		row->first_cell = FORM_NONE;
		if (!check_keys(b, r, fields) || !get_string(b, r, "label", true, &row->label) ||
		    !get_string(b, r, "path", false, &row->path) ||
		    !get_bool(b, r, "total", &row->total))
			return false;
		const struct ytree *sub = ytree_get(r, "rows");
		if (sub) {
			row->group = true;
			if (!parse_rows(b, ti, sub, depth + 1, ri, cap_rows))
				return false;
			row = &t->rows[ri]; /* the rows below may have moved the array */
			size_t node = row->path ? node_at_path(b->form, row->path) : 0;
			if (node == FORM_NONE || b->form->nodes[node].kind != FORM_NODE_MAP)
				return fail(b, ytree_get(r, "path"),
					    "分组“%s”的 path“%s”不是其下各行的上级", row->label,
					    row->path);
		} else {
			if (!row->path)
				return fail(b, r, "行“%s”缺少 path", row->label);
			if (!add_table_row_cells(b, ti, ri, r))
				return false;
		}
	}
	return true;
}

static bool parse_table(struct form_builder *b, const struct ytree *item, size_t section,
			size_t *index)
{
	static const char *const fields[] = {"table", "title", "label_header", "columns",
					     "store", "print", "rows",	       NULL};
	struct form *f = b->form;
	if (!check_keys(b, item, fields))
		return false;
	f->tables = xgrow(f->tables, &b->cap_tables, f->ntables + 1, sizeof *f->tables);
	size_t ti = f->ntables++;
	struct form_table *t = &f->tables[ti];
	memset(t, 0, sizeof *t);
	t->section = section;
	char *columns = NULL, *store = NULL, *print = NULL;
	bool ok = get_string(b, item, "table", true, &t->id) &&
		  get_string(b, item, "title", false, &t->title) &&
		  get_string(b, item, "label_header", false, &t->label_header) &&
		  get_string(b, item, "columns", true, &columns) &&
		  get_string(b, item, "store", true, &store) &&
		  get_string(b, item, "print", false, &print);
	if (ok) {
		for (size_t i = 0; i < ti; i++)
			if (strcmp(f->tables[i].id, t->id) == 0)
				ok = fail(b, item, "表格名“%s”重复", t->id);
	}
	if (ok && !(t->columns = find_column_set(f, columns)))
		ok = fail(b, ytree_get(item, "columns"), "没有名为“%s”的列组", columns);
	if (ok) {
		if (strcmp(store, "sequence") == 0)
			t->store = FORM_STORE_SEQUENCE;
		else if (strcmp(store, "map") == 0)
			t->store = FORM_STORE_MAP;
		else if (strcmp(store, "scalar") == 0)
			t->store = FORM_STORE_SCALAR;
		else
			ok = fail(b, ytree_get(item, "store"),
				  "store 只能是 sequence、map 或 scalar");
	}
	if (ok && t->store == FORM_STORE_SCALAR && t->columns->ncolumns != 1)
		ok = fail(b, item, "store: scalar 的表格只能有一列");
	if (ok && t->store == FORM_STORE_MAP)
		for (size_t c = 0; c < t->columns->ncolumns; c++)
			if (!t->columns->columns[c].key)
				ok = fail(b, item, "store: map 的表格每一列都要有 key");
	if (ok && print) {
		if (strcmp(print, "one_row") == 0)
			t->print_one_row = true;
		else if (strcmp(print, "rows") != 0)
			ok = fail(b, ytree_get(item, "print"), "print 只能是 rows 或 one_row");
	}
	free(columns);
	free(store);
	free(print);
	size_t cap_rows = 0;
	if (ok && !ytree_get(item, "rows"))
		ok = fail(b, item, "表格“%s”缺少 rows", t->id);
	if (ok)
		ok = parse_rows(b, ti, ytree_get(item, "rows"), 0, FORM_NONE, &cap_rows);
	*index = ti;
	return ok;
}

static bool parse_text_item(struct form_builder *b, const struct ytree *item, size_t section,
			    size_t *index)
{
	static const char *const fields[] = {"text", "label", NULL};
	char *path = NULL, *label = NULL;
	if (!check_keys(b, item, fields) || !get_string(b, item, "text", true, &path) ||
	    !get_string(b, item, "label", false, &label)) {
		free(path);
		return false;
	}
	size_t node = leaf_node(b, ytree_get(item, "text"), path, FORM_NODE_CELL);
	if (node == FORM_NONE) {
		free(path);
		free(label);
		return false;
	}
	if (!label)
		label = xstrdup(b->form->sections[section].heading);
	b->form->nodes[node].label = xstrdup(label);
	*index = cell_add(b, path, label, FORM_TEXT, section, node);
	b->form->nodes[node].cell = *index;
	return true;
}

static bool parse_sections(struct form_builder *b, const struct ytree *sections)
{
	static const char *const fields[] = {"number", "title", "items", NULL};
	struct form *f = b->form;
	if (!sections || sections->kind != YTREE_SEQUENCE || sections->count == 0)
		return fail(b, sections, "sections 应为非空列表");
	f->sections = xcalloc(sections->count, sizeof *f->sections);
	for (size_t i = 0; i < sections->count; i++) {
		const struct ytree *s = sections->items[i];
		struct form_section *sec = &f->sections[f->nsections++];
		if (!check_keys(b, s, fields) || !get_string(b, s, "number", true, &sec->number) ||
		    !get_string(b, s, "title", true, &sec->title))
			return false;
		sec->heading = xasprintf("%s、%s", sec->number, sec->title);
		const struct ytree *items = ytree_get(s, "items");
		if (!items || items->kind != YTREE_SEQUENCE || items->count == 0)
			return fail(b, s, "第%s部分的 items 应为非空列表", sec->number);
		sec->items = xcalloc(items->count, sizeof *sec->items);
		for (size_t j = 0; j < items->count; j++) {
			const struct ytree *it = items->items[j];
			struct form_item *item = &sec->items[sec->nitems++];
			if (ytree_get(it, "table")) {
				item->kind = FORM_ITEM_TABLE;
				if (!parse_table(b, it, i, &item->index))
					return false;
			} else if (ytree_get(it, "text")) {
				item->kind = FORM_ITEM_TEXT;
				if (!parse_text_item(b, it, i, &item->index))
					return false;
			} else {
				return fail(b, it, "每一项应是 text 或 table");
			}
		}
	}
	return true;
}

/* Labels data-file groups: group rows that name a path, and data_labels. */
static bool label_groups(struct form_builder *b, const struct ytree *data_labels)
{
	struct form *f = b->form;
	for (size_t t = 0; t < f->ntables; t++) {
		for (size_t r = 0; r < f->tables[t].nrows; r++) {
			const struct form_row *row = &f->tables[t].rows[r];
			if (!row->group || !row->path)
				continue;
			size_t node = node_at_path(f, row->path); /* a map: see parse_rows */
			free(f->nodes[node].label);
			f->nodes[node].label = xstrdup(row->label);
		}
	}
	if (!data_labels)
		return true;
	if (data_labels->kind != YTREE_MAPPING)
		return fail(b, data_labels, "data_labels 应为映射");
	for (size_t i = 0; i < data_labels->count; i += 2) {
		const struct ytree *k = data_labels->items[i], *v = data_labels->items[i + 1];
		if (!is_scalar(k) || !is_scalar(v))
			return fail(b, k, "data_labels 的键和值都应为文字");
		size_t node = node_at_path(f, k->value);
		if (node == FORM_NONE)
			return fail(b, k, "data_labels 中的“%s”不是数据路径", k->value);
		for (size_t j = 0; j < i; j += 2)
			if (strcmp(data_labels->items[j]->value, k->value) == 0)
				return fail(b, k, "data_labels 中的“%s”重复", k->value);
		free(f->nodes[node].label);
		f->nodes[node].label = xstrdup(v->value);
	}
	return true;
}

/* The key itself (not its value) of key in map, for errors about the key. */
static const struct ytree *key_at(const struct ytree *map, const char *key)
{
	for (size_t i = 0; map && map->kind == YTREE_MAPPING && i < map->count; i += 2)
		if (is_scalar(map->items[i]) && strcmp(map->items[i]->value, key) == 0)
			return map->items[i];
	return NULL;
}

/* Refuses a template naming a variable that is never filled in, or a brace
 * that opens or closes nothing: either would reach a clerk as written. */
static bool check_template(struct form_builder *b, const struct ytree *at, const char *tpl,
			   const char *const *vars)
{
	for (const char *p = tpl; *p; p++) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p == '}')
			return fail(b, at, "“}”前面没有对应的“{”（花括号本身要写成“}}”）");
		if (*p != '{')
			continue;
		const char *end = strchr(p, '}');
		if (!end)
			return fail(b, at, "“{”后面没有对应的“}”（花括号本身要写成“{{”）");
		size_t len = (size_t)(end - p - 1);
		bool known = false;
		for (size_t i = 0; vars[i]; i++)
			known = known ||
				(strlen(vars[i]) == len && memcmp(vars[i], p + 1, len) == 0);
		if (!known) {
			struct buf names;
			buf_init(&names);
			for (size_t i = 0; vars[i]; i++)
				buf_addf(&names, "%s{%s}", i ? "、" : "", vars[i]);
			fail(b, at, "“{%.*s}”不是可用的名称，可用的是 %s", (int)len, p + 1,
			     names.data);
			buf_fini(&names);
			return false;
		}
		p = end;
	}
	return true;
}

/* An optional list of data paths under key (e.g. required: [a, b]). */
static bool get_path_list(struct form_builder *b, const struct ytree *map, const char *key,
			  char ***out, size_t *count)
{
	const struct ytree *list = ytree_get(map, key);
	if (!list)
		return true;
	if (list->kind != YTREE_SEQUENCE || list->count == 0)
		return fail(b, list, "%s 应为非空列表", key);
	*out = xcalloc(list->count + 1, sizeof **out);
	for (size_t j = 0; j < list->count; j++) {
		const struct ytree *it = list->items[j];
		if (!is_scalar(it))
			return fail(b, it, "%s 的每一项应为数据路径", key);
		size_t cell = form_find_cell(b->form, it->value);
		if (cell == FORM_NONE)
			return fail(b, it, "%s 中的“%s”不是任何一格的数据路径", key, it->value);
		if (b->form->cells[cell].type != FORM_TEXT)
			return fail(b, it, "%s 中的“%s”不是正文格", key, it->value);
		(*out)[(*count)++] = xstrdup(it->value);
	}
	return true;
}

/* One phrase, or a list of them: what a text must not contain.  A phrase
 * of spaces alone would match every text that has one. */
static bool get_phrase_list(struct form_builder *b, const struct ytree *map, const char *key,
			    char ***out, size_t *count)
{
	const struct ytree *v = ytree_get(map, key);
	if (!v)
		return true;
	bool list = v->kind == YTREE_SEQUENCE;
	if (list && v->count == 0)
		return fail(b, v, "%s 应为一段文字或非空列表", key);
	size_t n = list ? v->count : 1;
	*out = xcalloc(n + 1, sizeof **out);
	for (size_t j = 0; j < n; j++) {
		const struct ytree *it = list ? v->items[j] : v;
		if (!is_scalar(it) || it->len == 0)
			return fail(b, it,
				    list ? "“%s”的每一项应为一段非空文字" : "“%s”应为一段非空文字",
				    key);
		if (strspn(it->value, " ") == it->len)
			return fail(b, it, "“%s”的一项只有空格，会匹配每一段有空格的文字", key);
		(*out)[(*count)++] = xstrdup(it->value);
	}
	return true;
}

/* A row or group of the data file, or a cell (the cells of a map row have
 * no node of their own). */
static bool path_exists(const struct form *f, const char *path)
{
	return *path &&
	       (node_at_path(f, path) != FORM_NONE || form_find_cell(f, path) != FORM_NONE);
}

/* Whether a reference of an assert or cell (PATH, PATH[i], GROUP.*[i],
 * prev:PATH, $row...) names paths of the data file.  Indices and the
 * sums themselves are checked when the rules are compiled. */
static bool check_ref(struct form_builder *b, const struct ytree *at, const struct form_rule *rule,
		      const char *ref, size_t len)
{
	const struct form *f = b->form;
	char *base = xstrndup(ref, len);
	char *p = strncmp(base, "prev:", 5) == 0 ? base + 5 : base;
	bool has_c = strstr(p, "$c") != NULL;
	char *bracket = strchr(p, '[');
	if (bracket)
		*bracket = '\0';
	size_t plen = strlen(p);
	if (plen > 2 && strcmp(p + plen - 2, ".*") == 0)
		p[plen - 2] = '\0';
	bool ok = true;
	if (has_c && (!rule->each || strcmp(rule->each, "column") != 0))
		ok = fail(b, at, "规则 %s：“$c”只能用于 each: column 的规则", rule->id);
	else if (strncmp(p, "$row", 4) == 0) {
		size_t t = rule->each && strcmp(rule->each, "row") == 0
				   ? form_find_table(f, rule->table)
				   : FORM_NONE;
		if (t == FORM_NONE)
			ok = fail(b, at, "规则 %s：“$row”只能用于 each: row 的规则", rule->id);
		for (size_t r = 0; ok && t != FORM_NONE && r < f->tables[t].nrows; r++) {
			const struct form_row *row = &f->tables[t].rows[r];
			if (row->group)
				continue;
			char *path = xasprintf("%s%s", row->path, p + 4);
			if (!path_exists(f, path))
				ok = fail(b, at, "规则 %s：“%.*s”在行“%s”找不到数据格 %s", rule->id,
					  (int)len, ref, row->label, path);
			free(path);
		}
	} else if (!path_exists(f, p)) {
		ok = fail(b, at, "规则 %s：“%.*s”不是任何一格的数据路径", rule->id, (int)len, ref);
	}
	free(base);
	return ok;
}

/* Refuses combinations of keys that would load and then do nothing, or
 * crash when the rule runs: each rule is one kind, and what belongs to an
 * equation (each, table, cell, fill, needs) only goes with assert. */
static bool check_audit_rule(struct form_builder *b, const struct ytree *r,
			     const struct form_rule *rule, const char *kind);

static bool check_rule(struct form_builder *b, const struct ytree *r, const struct form_rule *rule)
{
	static const char *const kinds[] = {"assert",	  "required", "texts",
					    "value_type", "phrases",  "changes",
					    "repeat",	  "mentions", NULL};
	static const char *const equation_keys[] = {"each", "table", "cell", "fill", "needs", NULL};
	static const char *const equation_vars[] = {"cell",  "row",  "column", "left",
						    "right", "diff", NULL};
	static const char *const text_vars[] = {"cell", "row", "column", NULL};
	static const char *const forbidden_vars[] = {"cell", "row", "column", "found", NULL};
	static const char *const mention_vars[] = {"cell", "row", "column", "missing", NULL};
	static const char *const value_vars[] = {"cell", "problem", NULL};
	const char *kind = NULL;
	for (size_t i = 0; kinds[i]; i++) {
		if (!ytree_get(r, kinds[i]))
			continue;
		/* the texts a phrases or repeat rule reads are not a kind of their own */
		if (strcmp(kinds[i], "texts") == 0 &&
		    (ytree_get(r, "phrases") || ytree_get(r, "repeat") || ytree_get(r, "mentions")))
			continue;
		if (kind)
			return fail(b, key_at(r, kinds[i]),
				    "规则 %s 已有 %s，不能再有 %s：一条规则只做一种核对", rule->id,
				    kind, kinds[i]);
		kind = kinds[i];
	}
	if (!kind)
		return fail(
			b, r,
			"规则 %s 需要 assert、required、texts、value_type、phrases、changes 或 repeat 之一",
			rule->id);
	const struct ytree *message = ytree_get(r, "message");
	if (rule->nphrases || rule->nchanges || rule->repeat)
		return check_audit_rule(b, r, rule, kind);
	if (!rule->assert) {
		for (size_t i = 0; equation_keys[i]; i++)
			if (ytree_get(r, equation_keys[i]))
				return fail(b, key_at(r, equation_keys[i]),
					    "规则 %s：%s 只用于有 assert 的规则", rule->id,
					    equation_keys[i]);
		return check_template(b, message, rule->message,
				      rule->value_type >= 0 ? value_vars
				      : rule->nforbidden    ? forbidden_vars
				      : rule->nmentions	    ? mention_vars
							    : text_vars);
	}
	if (rule->each && strcmp(rule->each, "column") != 0 && strcmp(rule->each, "row") != 0)
		return fail(b, ytree_get(r, "each"), "each 只能是 column 或 row");
	if (rule->each && !rule->table)
		return fail(b, key_at(r, "each"),
			    "规则 %s：each 需要 table 说明对哪张表格逐列或逐行核对", rule->id);
	if (rule->table && !rule->each)
		return fail(b, key_at(r, "table"), "规则 %s：table 需要 each（column 或 row）",
			    rule->id);
	if (rule->table && form_find_table(b->form, rule->table) == FORM_NONE)
		return fail(b, ytree_get(r, "table"), "没有名为“%s”的表格", rule->table);
	for (const char *p = rule->assert; *p;) {
		size_t len = strcspn(p, " =+-");
		if (len && !check_ref(b, ytree_get(r, "assert"), rule, p, len))
			return false;
		p += len + (p[len] != '\0');
	}
	if (rule->cell && !check_ref(b, ytree_get(r, "cell"), rule, rule->cell, strlen(rule->cell)))
		return false;
	bool uses_previous = strstr(rule->assert, "prev:") != NULL;
	if (uses_previous && !rule->needs_previous)
		return fail(b, ytree_get(r, "assert"),
			    "规则 %s 的算式用到了上年报告（prev:），需要写 needs: previous",
			    rule->id);
	if (rule->needs_previous && !uses_previous)
		return fail(b, key_at(r, "needs"),
			    "规则 %s 写了 needs: previous，但算式没有用到 prev:", rule->id);
	/* a total filled in from last year's report has nothing to fill from
	 * in a new report, which has no last year */
	if (rule->fill && rule->needs_previous)
		return fail(
			b, key_at(r, "fill"),
			"规则 %s 用到上年报告，不能写 fill: true：只有由本年各格算出的合计才能自动填写",
			rule->id);
	return check_template(b, message, rule->message, equation_vars);
}

/* Keys that belong to one kind of rule only, so that a misplaced one is
 * refused rather than ignored. */
static const char *const audit_keys[][4] = {
	{"phrases", "gap", "ahead", NULL},
	{"changes", "factor", "by", NULL},
	{"repeat", NULL},
};

/* The rules assessors apply (phrases, changes, repeat): keys of another
 * kind are refused, and the cross-year ones must say needs: previous. */
static bool check_audit_rule(struct form_builder *b, const struct ytree *r,
			     const struct form_rule *rule, const char *kind)
{
	static const char *const equation_keys[] = {"each", "table", "cell", "fill", NULL};
	static const char *const phrase_vars[] = {"cell",     "text", "written", "value",
						  "quantity", "year", NULL};
	static const char *const change_vars[] = {"cell", "left", "right", NULL};
	static const char *const repeat_vars[] = {"cell", "share", NULL};
	for (size_t i = 0; equation_keys[i]; i++)
		if (ytree_get(r, equation_keys[i]))
			return fail(b, key_at(r, equation_keys[i]),
				    "规则 %s：%s 只用于有 assert 的规则", rule->id,
				    equation_keys[i]);
	for (size_t k = 0; k < sizeof audit_keys / sizeof audit_keys[0]; k++)
		for (size_t i = 1; audit_keys[k][i] && strcmp(audit_keys[k][0], kind) != 0; i++)
			if (ytree_get(r, audit_keys[k][i]))
				return fail(b, key_at(r, audit_keys[k][i]),
					    "规则 %s：%s 只用于有 %s 的规则", rule->id,
					    audit_keys[k][i], audit_keys[k][0]);
	if (ytree_get(r, "forbidden"))
		return fail(b, key_at(r, "forbidden"), "规则 %s：forbidden 只用于只有 texts 的规则",
			    rule->id);
	bool cross_year = strcmp(kind, "phrases") != 0;
	if (cross_year != rule->needs_previous)
		return fail(b, cross_year ? r : key_at(r, "needs"),
			    cross_year ? "规则 %s 与上年报告比较，需要写 needs: previous"
				       : "规则 %s 不用上年报告，不能写 needs",
			    rule->id);
	if (strcmp(kind, "changes") != 0 && !rule->ntexts)
		return fail(b, r, "规则 %s：%s 要和 texts（核对哪些正文）一起写", rule->id, kind);
	if (strcmp(kind, "changes") == 0 && (rule->factor < 2 || rule->by < 1))
		return fail(b, r, "规则 %s：changes 需要 factor（至少 2）和 by（至少 1）",
			    rule->id);
	if (strcmp(kind, "repeat") == 0 && (rule->repeat < 1 || rule->repeat > 100))
		return fail(b, ytree_get(r, "repeat"), "规则 %s：repeat 应为 1 到 100 的百分数",
			    rule->id);
	const char *const *vars = strcmp(kind, "phrases") == 0	 ? phrase_vars
				  : strcmp(kind, "changes") == 0 ? change_vars
								 : repeat_vars;
	const struct ytree *list = ytree_get(r, "phrases");
	for (size_t i = 0; i < rule->nphrases; i++)
		if (rule->phrases[i].message &&
		    !check_template(b, ytree_get(list->items[i], "message"),
				    rule->phrases[i].message, vars))
			return false;
	return check_template(b, ytree_get(r, "message"), rule->message, vars);
}

/* changes: references to cells (PATH, PATH[i], GROUP.*[i]), as in an
 * assert; the indices are checked when the rules are compiled. */
static bool get_changes(struct form_builder *b, const struct ytree *map, struct form_rule *rule)
{
	const struct ytree *list = ytree_get(map, "changes");
	if (!list)
		return true;
	if (list->kind != YTREE_SEQUENCE || list->count == 0)
		return fail(b, list, "changes 应为非空列表");
	rule->changes = xcalloc(list->count, sizeof *rule->changes);
	for (size_t i = 0; i < list->count; i++) {
		const struct ytree *it = list->items[i];
		if (!is_scalar(it) || !it->len)
			return fail(b, it, "changes 的每一项应为数据路径");
		if (!check_ref(b, it, rule, it->value, it->len))
			return false;
		rule->changes[rule->nchanges++] = xstrdup(it->value);
	}
	return true;
}

/* phrases: a list of {match, value, label, message}; the patterns and the
 * cells are checked when the rules are compiled. */
static bool get_phrases(struct form_builder *b, const struct ytree *map, struct form_rule *rule)
{
	static const char *const fields[] = {"match", "value", "label", "message", NULL};
	const struct ytree *list = ytree_get(map, "phrases");
	if (!list)
		return true;
	if (list->kind != YTREE_SEQUENCE || list->count == 0)
		return fail(b, list, "phrases 应为非空列表");
	rule->phrases = xcalloc(list->count, sizeof *rule->phrases);
	for (size_t i = 0; i < list->count; i++) {
		const struct ytree *it = list->items[i];
		struct form_phrase *ph = &rule->phrases[rule->nphrases++];
		ph->line = it->line;
		if (!check_keys(b, it, fields) || !get_string(b, it, "match", true, &ph->match) ||
		    !get_string(b, it, "value", false, &ph->value) ||
		    !get_string(b, it, "label", false, &ph->label) ||
		    !get_string(b, it, "message", false, &ph->message))
			return false;
	}
	return true;
}

/* A type's rule gives the message of a bad value: it must be a rule
 * about values of that type. */
static bool check_type_rules(struct form_builder *b, const struct ytree *types)
{
	static const char *const names[FORM_VALUE_TYPES] = {"count", "money", "text"};
	const struct form *f = b->form;
	for (int t = 0; t < FORM_VALUE_TYPES; t++) {
		if (!f->types[t].rule)
			continue;
		const struct ytree *at = ytree_get(ytree_get(types, names[t]), "rule");
		size_t i = 0;
		while (i < f->nrules && strcmp(f->rules[i].id, f->types[t].rule) != 0)
			i++;
		if (i == f->nrules)
			return fail(b, at, "没有 id 为“%s”的规则", f->types[t].rule);
		if (f->rules[i].value_type != t)
			return fail(b, at, "规则“%s”应写 value_type: %s", f->types[t].rule,
				    names[t]);
	}
	return true;
}

static bool parse_rules(struct form_builder *b, const struct ytree *rules)
{
	static const char *const fields[] = {
		"id",	     "severity",   "meaning", "message",  "each",     "table",
		"assert",    "cell",	   "fill",    "needs",	  "required", "texts",
		"forbidden", "value_type", "phrases", "gap",	  "ahead",    "changes",
		"factor",    "by",	   "repeat",  "mentions", NULL};
	struct form *f = b->form;
	if (!rules || rules->kind != YTREE_SEQUENCE)
		return fail(b, rules, "rules 应为列表");
	f->rules = xcalloc(rules->count + 1, sizeof *f->rules);
	for (size_t i = 0; i < rules->count; i++) {
		const struct ytree *r = rules->items[i];
		struct form_rule *rule = &f->rules[f->nrules++];
		char *severity = NULL, *needs = NULL, *value_type = NULL;
		rule->value_type = -1;
		rule->line = r->line;
		bool ok = check_keys(b, r, fields) && get_string(b, r, "id", true, &rule->id) &&
			  get_string(b, r, "severity", true, &severity) &&
			  get_string(b, r, "message", true, &rule->message) &&
			  get_string(b, r, "meaning", false, &rule->meaning) &&
			  get_string(b, r, "each", false, &rule->each) &&
			  get_string(b, r, "table", false, &rule->table) &&
			  get_string(b, r, "assert", false, &rule->assert) &&
			  get_string(b, r, "cell", false, &rule->cell) &&
			  get_bool(b, r, "fill", &rule->fill) &&
			  get_string(b, r, "needs", false, &needs) &&
			  get_string(b, r, "value_type", false, &value_type);
		/* one line: --list-rules prints one rule a line, the man page one .TP */
		if (ok && rule->meaning && strchr(rule->meaning, '\n'))
			ok = fail(b, ytree_get(r, "meaning"), "规则 %s：meaning 应写在一行里",
				  rule->id);
		if (ok && strcmp(severity, "warning") == 0)
			rule->warning = true;
		else if (ok && strcmp(severity, "error") != 0)
			ok = fail(b, ytree_get(r, "severity"), "severity 只能是 error 或 warning");
		if (ok && needs) {
			if (strcmp(needs, "previous") == 0)
				rule->needs_previous = true;
			else
				ok = fail(b, ytree_get(r, "needs"), "needs 只能是 previous");
		}
		if (ok && value_type) {
			if (strcmp(value_type, "count") == 0)
				rule->value_type = FORM_COUNT;
			else if (strcmp(value_type, "money") == 0)
				rule->value_type = FORM_MONEY;
			else
				ok = fail(b, ytree_get(r, "value_type"),
					  "value_type 只能是 count 或 money");
		}
		ok = ok && get_path_list(b, r, "required", &rule->required, &rule->nrequired) &&
		     get_path_list(b, r, "texts", &rule->texts, &rule->ntexts) &&
		     get_phrase_list(b, r, "forbidden", &rule->forbidden, &rule->nforbidden) &&
		     get_phrase_list(b, r, "mentions", &rule->mentions, &rule->nmentions);
		rule->gap = 10;
		ok = ok && get_phrases(b, r, rule) && get_int(b, r, "gap", &rule->gap) &&
		     get_int(b, r, "ahead", &rule->ahead) && get_changes(b, r, rule) &&
		     get_int(b, r, "factor", &rule->factor) && get_int(b, r, "by", &rule->by) &&
		     get_int(b, r, "repeat", &rule->repeat);
		/* a long gap makes a phrase match across a whole sentence, and costs */
		if (ok && (rule->gap < 1 || rule->gap > 40))
			ok = fail(b, ytree_get(r, "gap"), "规则 %s：gap 应为 1 到 40 个字",
				  rule->id);
		if (ok && ytree_get(r, "repeat") && !rule->repeat)
			ok = fail(b, ytree_get(r, "repeat"),
				  "规则 %s：repeat 应为 1 到 100 的百分数", rule->id);
		if (ok && !rule->nforbidden && rule->ntexts && !rule->nphrases && !rule->repeat &&
		    !rule->nchanges && !rule->nmentions)
			ok = fail(b, r, "规则 %s：forbidden 和 texts 要一起写", rule->id);
		else if (ok && rule->nmentions && !rule->ntexts)
			ok = fail(b, r, "规则 %s：mentions 和 texts 要一起写", rule->id);
		else if (ok && rule->nforbidden && !rule->ntexts)
			ok = fail(b, r, "规则 %s：forbidden 和 texts 要一起写", rule->id);
		for (size_t j = 0; ok && j + 1 < f->nrules; j++)
			if (strcmp(f->rules[j].id, rule->id) == 0)
				ok = fail(b, ytree_get(r, "id"), "规则 id“%s”重复", rule->id);
		ok = ok && check_rule(b, r, rule);
		free(severity);
		free(needs);
		free(value_type);
		if (!ok)
			return false;
	}
	return true;
}

struct path_entry {
	const char *path;
	size_t cell;
};

static int compare_path_entries(const void *a, const void *b)
{
	return strcmp(((const struct path_entry *)a)->path, ((const struct path_entry *)b)->path);
}

static bool index_paths(struct form_builder *b)
{
	struct form *f = b->form;
	struct path_entry *entries = xcalloc(f->ncells, sizeof *entries);
	for (size_t i = 0; i < f->ncells; i++)
		entries[i] = (struct path_entry){f->cells[i].path, i};
	qsort(entries, f->ncells, sizeof *entries, compare_path_entries);
	f->cells_by_path = xcalloc(f->ncells, sizeof *f->cells_by_path);
	bool ok = true;
	for (size_t i = 0; i < f->ncells; i++) {
		f->cells_by_path[i] = entries[i].cell;
		if (i > 0 && strcmp(entries[i - 1].path, entries[i].path) == 0)
			ok = fail(b, NULL, "数据路径“%s”重复", entries[i].path);
	}
	free(entries);
	return ok;
}

/* True when s is a label of a table: a title, the header over the row
 * labels, a column's label or one of its groups, a row's label. */
static bool is_table_label(const struct form *f, const char *s)
{
	for (size_t i = 0; i < f->ntables; i++) {
		const struct form_table *t = &f->tables[i];
		if ((t->title && strcmp(t->title, s) == 0) ||
		    (t->label_header && strcmp(t->label_header, s) == 0))
			return true;
		/* rows head columns where a table is printed as one row */
		for (size_t r = 0; r < t->nrows; r++)
			if (strcmp(t->rows[r].label, s) == 0)
				return true;
	}
	for (size_t i = 0; i < f->ncolumn_sets; i++)
		for (size_t c = 0; c < f->column_sets[i].ncolumns; c++) {
			const struct form_column *col = &f->column_sets[i].columns[c];
			if (strcmp(col->label, s) == 0)
				return true;
			for (size_t g = 0; g < col->ngroups; g++)
				if (strcmp(col->groups[g], s) == 0)
					return true;
		}
	return false;
}

/* label_breaks: header labels with the places a printed cell may wrap
 * them marked by "|" (商业|企业); a label it does not list wraps where
 * line breaking allows.  Each must be a header label once its marks are
 * taken out, so that a typo cannot quietly mean nothing. */
static bool parse_label_breaks(struct form_builder *b, const struct ytree *list)
{
	struct form *f = b->form;
	if (!list)
		return true;
	if (list->kind != YTREE_SEQUENCE)
		return fail(b, list, "label_breaks 应为列表，每项是用“|”标出断行处的表头文字");
	f->label_breaks = xcalloc(list->count + 1, sizeof *f->label_breaks);
	for (size_t i = 0; i < list->count; i++) {
		const struct ytree *v = list->items[i];
		if (!is_scalar(v) || !strchr(v->value, '|'))
			return fail(b, v, "label_breaks 的每一项应是用“|”标出断行处的表头文字");
		if (v->value[0] == '|' || v->value[v->len - 1] == '|' || strstr(v->value, "||"))
			return fail(b, v, "“%s”中的“|”应在两个字之间", v->value);
		char *label = xstrdup(v->value);
		size_t n = 0;
		for (const char *c = v->value; *c; c++)
			if (*c != '|')
				label[n++] = *c;
		label[n] = '\0';
		bool known = is_table_label(f, label);
		bool repeated = form_label_breaks(f, label) != NULL;
		free(label);
		if (!known)
			return fail(b, v, "“%s”去掉“|”后不是任何表格中的文字", v->value);
		if (repeated)
			return fail(b, v, "“%s”的断行处重复给出", v->value);
		f->label_breaks[f->nlabel_breaks++] = xstrdup(v->value);
	}
	return true;
}

struct form *form_parse(const char *data, size_t len, struct form_error *error)
{
	static const char *const fields[] = {"id",	     "name",	    "title",	"types",
					     "data_labels",  "column_sets", "sections", "rules",
					     "label_breaks", NULL};
	static const char *const required[] = {"id",	      "name",	  "title", "types",
					       "column_sets", "sections", "rules"};
	static const char *const title_vars[] = {"organ", "year", NULL};
	struct form_builder b = {.error = error};
	struct ytree_error yerr;
	struct ytree *root;

	error->message = NULL;
	error->line = error->column = 0;
	if (len > FORM_MAX_BYTES) {
		fail(&b, NULL, "表格定义文件太大（超过 1 MiB）");
		return NULL;
	}
	root = ytree_parse(data, len, FORM_MAX_DEPTH, &yerr);
	if (!root) {
		error->message = yerr.message;
		error->line = yerr.line;
		error->column = yerr.column;
		return NULL;
	}
	b.form = xcalloc(1, sizeof *b.form);
	node_add(&b, FORM_NONE, "", 0, FORM_NODE_MAP);
	bool ok = check_keys(&b, root, fields);
	for (size_t i = 0; ok && i < sizeof required / sizeof required[0]; i++)
		if (!ytree_get(root, required[i]))
			ok = fail(&b, root, "缺少“%s”", required[i]);
	ok = ok && get_string(&b, root, "id", true, &b.form->id) &&
	     get_string(&b, root, "name", true, &b.form->name) &&
	     get_string(&b, root, "title", true, &b.form->title) &&
	     check_template(&b, ytree_get(root, "title"), b.form->title, title_vars) &&
	     parse_types(&b, ytree_get(root, "types")) &&
	     parse_column_sets(&b, ytree_get(root, "column_sets")) &&
	     parse_sections(&b, ytree_get(root, "sections")) &&
	     label_groups(&b, ytree_get(root, "data_labels")) &&
	     parse_label_breaks(&b, ytree_get(root, "label_breaks"));
	if (ok && b.form->ncells == 0)
		ok = fail(&b, root, "表格定义中没有任何一格");
	/* rules are checked against the cells, so these come first */
	ok = ok && index_paths(&b) && parse_rules(&b, ytree_get(root, "rules")) &&
	     check_type_rules(&b, ytree_get(root, "types"));
	ytree_free(root);
	if (!ok) {
		form_free(b.form);
		return NULL;
	}
	return b.form;
}

size_t form_find_cell(const struct form *form, const char *path)
{
	size_t lo = 0, hi = form->ncells;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		size_t cell = form->cells_by_path[mid];
		int cmp = strcmp(path, form->cells[cell].path);
		if (cmp == 0)
			return cell;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return FORM_NONE;
}

size_t form_find_table(const struct form *form, const char *id)
{
	for (size_t i = 0; i < form->ntables; i++)
		if (strcmp(form->tables[i].id, id) == 0)
			return i;
	return FORM_NONE;
}

const char *form_label_breaks(const struct form *form, const char *label)
{
	for (size_t i = 0; i < form->nlabel_breaks; i++) {
		const char *a = form->label_breaks[i], *l = label;
		while (*a && *l && (*a == '|' || *a == *l)) {
			if (*a != '|')
				l++;
			a++;
		}
		if (*a == '\0' && *l == '\0')
			return form->label_breaks[i];
	}
	return NULL;
}

const struct form_column *form_cell_column(const struct form *form, const struct form_cell *cell)
{
	if (cell->table == FORM_NONE)
		return NULL;
	return &form->tables[cell->table].columns->columns[cell->column];
}

void form_free(struct form *f)
{
	if (!f)
		return;
	free(f->id);
	free(f->name);
	free(f->title);
	for (int t = 0; t < FORM_VALUE_TYPES; t++) {
		free(f->types[t].unit);
		free(f->types[t].rule);
	}
	for (size_t i = 0; i < f->ncolumn_sets; i++) {
		struct form_column_set *s = &f->column_sets[i];
		for (size_t c = 0; c < s->ncolumns; c++) {
			free(s->columns[c].key);
			free(s->columns[c].label);
			for (size_t g = 0; g < s->columns[c].ngroups; g++)
				free(s->columns[c].groups[g]);
			free(s->columns[c].groups);
		}
		free(s->columns);
		free(s->name);
	}
	free(f->column_sets);
	for (size_t i = 0; i < f->nlabel_breaks; i++)
		free(f->label_breaks[i]);
	free(f->label_breaks);
	for (size_t i = 0; i < f->nsections; i++) {
		free(f->sections[i].number);
		free(f->sections[i].title);
		free(f->sections[i].heading);
		free(f->sections[i].items);
	}
	free(f->sections);
	for (size_t i = 0; i < f->ntables; i++) {
		struct form_table *t = &f->tables[i];
		for (size_t r = 0; r < t->nrows; r++) {
			free(t->rows[r].label);
			free(t->rows[r].path);
		}
		free(t->rows);
		free(t->id);
		free(t->title);
		free(t->label_header);
	}
	free(f->tables);
	for (size_t i = 0; i < f->ncells; i++) {
		free(f->cells[i].path);
		free(f->cells[i].label);
	}
	free(f->cells);
	for (size_t i = 0; i < f->nnodes; i++) {
		free(f->nodes[i].key);
		free(f->nodes[i].label);
		free(f->nodes[i].children);
	}
	free(f->nodes);
	for (size_t i = 0; i < f->nrules; i++) {
		struct form_rule *r = &f->rules[i];
		free(r->id);
		free(r->message);
		free(r->meaning);
		free(r->each);
		free(r->table);
		free(r->assert);
		free(r->cell);
		for (size_t j = 0; j < r->nrequired; j++)
			free(r->required[j]);
		free(r->required);
		for (size_t j = 0; j < r->ntexts; j++)
			free(r->texts[j]);
		free(r->texts);
		for (size_t j = 0; j < r->nmentions; j++)
			free(r->mentions[j]);
		free(r->mentions);
		for (size_t j = 0; j < r->nforbidden; j++)
			free(r->forbidden[j]);
		free(r->forbidden);
		for (size_t j = 0; j < r->nphrases; j++) {
			free(r->phrases[j].match);
			free(r->phrases[j].value);
			free(r->phrases[j].label);
			free(r->phrases[j].message);
		}
		free(r->phrases);
		for (size_t j = 0; j < r->nchanges; j++)
			free(r->changes[j]);
		free(r->changes);
	}
	free(f->rules);
	free(f->cells_by_path);
	free(f);
}
