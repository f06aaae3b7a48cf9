/* A checked YAML tree built from libyaml events; see ytree.h. */
#include "ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "xalloc.h"

struct ytree_builder {
	yaml_parser_t parser;
	struct ytree_error *error;
	int max_depth;
};

static void set_error(struct ytree_builder *b, const yaml_mark_t *mark, const char *message)
{
	if (b->error->message)
		return;
	b->error->message = xstrdup(message);
	b->error->line = mark ? (int)mark->line + 1 : 0;
	b->error->column = mark ? (int)mark->column + 1 : 0;
}

const char *ytree_problem_text(const char *problem)
{
	static const struct {
		const char *english, *chinese;
	} known[] = {
		{"mapping values are not allowed in this context",
		 "此处不能出现“键: 值”（可能缺少缩进或多了冒号）"},
		{"did not find expected key", "没有找到应有的键（缩进可能不一致）"},
		{"did not find expected '-' indicator",
		 "没有找到应有的“-”列表项（缩进可能不一致）"},
		{"did not find expected ',' or ']'", "方括号列表没有正确结束（缺少“,”或“]”）"},
		{"did not find expected ',' or '}'", "花括号映射没有正确结束（缺少“,”或“}”）"},
		{"did not find expected node content", "缺少应有的内容"},
		{"found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"},
		{"found character that cannot start any token",
		 "出现了不能开始任何内容的字符（例如制表符缩进或“@”“`”）"},
		{"found unknown escape character", "双引号字符串中有无法识别的转义符"},
		{"control characters are not allowed", "文件中不能有控制字符"},
		{"invalid leading UTF-8 octet", "不是有效的 UTF-8 编码"},
		{"invalid trailing UTF-8 octet", "不是有效的 UTF-8 编码"},
		{"incomplete UTF-8 octet sequence", "不是有效的 UTF-8 编码"},
		{"found a tab character where an indentation space is expected",
		 "缩进中不能使用制表符，请改用空格"},
		{"found a tab character that violates indentation",
		 "缩进中不能使用制表符，请改用空格"},
		{"block sequence entries are not allowed in this context", "此处不能出现“-”列表项"},
		{"could not find expected ':'", "缺少“:”"},
		{"found unexpected ':'", "出现了多余的“:”"},
		{"found duplicate %YAML directive", "重复的 %YAML 指令"},
		{"found incompatible YAML document", "不支持的 YAML 版本"},
		{"did not find expected <document start>", "一个文件只能有一个文档"},
	};
	if (!problem)
		return "YAML 语法错误";
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(problem, known[i].english) == 0)
			return known[i].chinese;
	return NULL;
}

static void set_parser_error(struct ytree_builder *b)
{
	const char *text = ytree_problem_text(b->parser.problem);
	char *msg = text ? xasprintf("YAML 语法错误：%s", text)
			 : xasprintf("YAML 语法错误（%s）", b->parser.problem);
	set_error(b, &b->parser.problem_mark, msg);
	free(msg);
}

static struct ytree *node_new(enum ytree_kind kind, const yaml_mark_t *mark)
{
	struct ytree *t = xcalloc(1, sizeof *t);
	t->kind = kind;
	t->line = (int)mark->line + 1;
	t->column = (int)mark->column + 1;
	return t;
}

static void node_add(struct ytree *parent, struct ytree *child)
{
	parent->items = xgrow(parent->items, &parent->cap, parent->count + 1,
			      sizeof *parent->items);
	parent->items[parent->count++] = child;
}

/* Checks the parts of an event that plain data never needs. */
static bool event_is_plain_data(struct ytree_builder *b, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		set_error(b, &ev->start_mark, "不能使用 YAML 别名（*名称）：文件只能是普通数据");
		return false;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		return true;
	}
	if (anchor) {
		set_error(b, &ev->start_mark, "不能使用 YAML 锚点（&名称）：文件只能是普通数据");
		return false;
	}
	if (tag) {
		set_error(b, &ev->start_mark, "不能使用 YAML 标签（!标签）：文件只能是普通数据");
		return false;
	}
	return true;
}

static bool next_event(struct ytree_builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev)) {
		set_parser_error(b);
		return false;
	}
	if (!event_is_plain_data(b, ev)) {
		yaml_event_delete(ev);
		return false;
	}
	return true;
}

/* Builds the node that starts with ev (consumed), reading the rest of it. */
static struct ytree *build_node(struct ytree_builder *b, yaml_event_t *ev, int depth)
{
	struct ytree *node;
	yaml_event_type_t end;

	if (ev->type == YAML_SCALAR_EVENT) {
		node = node_new(YTREE_SCALAR, &ev->start_mark);
		node->value = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		node->len = ev->data.scalar.length;
		node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		yaml_event_delete(ev);
		return node;
	}
	if (depth >= b->max_depth) {
		set_error(b, &ev->start_mark, "嵌套层次太深");
		yaml_event_delete(ev);
		return NULL;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		node = node_new(YTREE_SEQUENCE, &ev->start_mark);
		end = YAML_SEQUENCE_END_EVENT;
	} else {
		node = node_new(YTREE_MAPPING, &ev->start_mark);
		end = YAML_MAPPING_END_EVENT;
	}
	yaml_event_delete(ev);
	for (;;) {
		yaml_event_t child;
		if (!next_event(b, &child))
			goto fail;
		if (child.type == end) {
			yaml_event_delete(&child);
			return node;
		}
		struct ytree *item = build_node(b, &child, depth + 1);
		if (!item)
			goto fail;
		node_add(node, item);
	}
fail:
	ytree_free(node);
	return NULL;
}

struct ytree *ytree_parse(const char *data, size_t len, int max_depth, struct ytree_error *error)
{
	struct ytree_builder b = {.error = error, .max_depth = max_depth};
	struct ytree *root = NULL;
	yaml_event_t ev;

	error->message = NULL;
	error->line = error->column = 0;
	if (!yaml_parser_initialize(&b.parser)) {
		set_error(&b, NULL, "内存不足");
		return NULL;
	}
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);

	/* stream start, document start */
	for (;;) {
		if (!next_event(&b, &ev))
			goto done;
		yaml_event_type_t type = ev.type;
		if (type == YAML_STREAM_END_EVENT) {
			set_error(&b, &ev.start_mark, "文件是空的");
			yaml_event_delete(&ev);
			goto done;
		}
		if (type == YAML_STREAM_START_EVENT || type == YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			if (type == YAML_DOCUMENT_START_EVENT)
				break;
			continue;
		}
		yaml_event_delete(&ev);
	}
	if (!next_event(&b, &ev))
		goto done;
	root = build_node(&b, &ev, 0);
	if (!root)
		goto done;
	/* document end, then the stream must end */
	if (!next_event(&b, &ev))
		goto fail;
	yaml_event_delete(&ev);
	if (!next_event(&b, &ev))
		goto fail;
	if (ev.type != YAML_STREAM_END_EVENT) {
		set_error(&b, &ev.start_mark, "一个文件只能有一个 YAML 文档（多了“---”）");
		yaml_event_delete(&ev);
		goto fail;
	}
	yaml_event_delete(&ev);
	goto done;
fail:
	ytree_free(root);
	root = NULL;
done:
	yaml_parser_delete(&b.parser);
	return root;
}

void ytree_free(struct ytree *tree)
{
	if (!tree)
		return;
	for (size_t i = 0; i < tree->count; i++)
		ytree_free(tree->items[i]);
	free(tree->items);
	free(tree->value);
	free(tree);
}

const struct ytree *ytree_get(const struct ytree *map, const char *key)
{
	if (!map || map->kind != YTREE_MAPPING)
		return NULL;
	for (size_t i = 0; i + 1 < map->count; i += 2) {
		const struct ytree *k = map->items[i];
		if (k->kind == YTREE_SCALAR && strcmp(k->value, key) == 0)
			return map->items[i + 1];
	}
	return NULL;
}
