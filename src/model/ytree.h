/* A small YAML tree for trusted-but-checked inputs such as form
 * definitions.  Unlike libyaml's document loader it refuses anchors,
 * aliases and tags, and it stops at a nesting depth limit while parsing,
 * so a hostile file can neither blow the stack nor expand an alias bomb.
 * Report files do not use this: they are parsed event by event against
 * the form's schema (report_load.c). */
#ifndef NIANBAO_YTREE_H
#define NIANBAO_YTREE_H

#include <stdbool.h>
#include <stddef.h>

enum ytree_kind { YTREE_SCALAR, YTREE_SEQUENCE, YTREE_MAPPING };

struct ytree {
	enum ytree_kind kind;
	char *value;	      /* scalars: owned, NUL-terminated */
	size_t len;	      /* scalars: byte length of value */
	bool plain;	      /* scalars: written without quotes */
	int line, column;     /* 1-based */
	struct ytree **items; /* owned; mappings alternate key, value */
	size_t count;	      /* number of items (twice the pairs for maps) */
	size_t cap;
};

struct ytree_error {
	char *message;	  /* owned, Chinese */
	int line, column; /* 1-based, 0 when unknown */
};

/* Parses one YAML document from data[0..len).  Returns the tree, which the
 * caller frees with ytree_free, or NULL with *error filled (the caller
 * frees error->message). */
struct ytree *ytree_parse(const char *data, size_t len, int max_depth, struct ytree_error *error);
void ytree_free(struct ytree *tree);

/* The value of key in a mapping, or NULL (borrowed). */
const struct ytree *ytree_get(const struct ytree *map, const char *key);

/* Translates a libyaml problem into a Chinese phrase (static string). */
const char *ytree_problem_text(const char *problem);

#endif
