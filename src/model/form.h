/* A form definition (forms/NAME.yaml): the mandated structure of one
 * national format.  Sections hold narrative texts and tables; tables hold
 * rows (possibly nested in labelled groups) and columns; every cell has a
 * data path, a value type and its official label.  The data file's key
 * tree (the schema the loader walks) is derived from the paths.  Rules are
 * kept here as written; rules.c compiles them.
 *
 * A form is immutable once loaded, and shared by every report of it. */
#ifndef NIANBAO_FORM_H
#define NIANBAO_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FORM_NONE ((size_t)-1)

enum form_value_type { FORM_COUNT, FORM_MONEY, FORM_TEXT, FORM_VALUE_TYPES };

enum form_store {
	FORM_STORE_SEQUENCE, /* a row is [a, b, c] in column order */
	FORM_STORE_MAP,	     /* a row is {key: a, ...} */
	FORM_STORE_SCALAR,   /* a one-column row is a single value */
};

struct form_type {
	int64_t max;	  /* counts: largest value */
	int decimals;	  /* money: most decimals */
	int64_t below;	  /* money: whole units must be below this */
	size_t max_chars; /* texts: longest text, in characters */
	char *unit;	  /* money: e.g. 万元, may be NULL */
	char *rule;	  /* id of the rule that refuses a bad value */
};

struct form_column {
	char *key; /* map-stored rows: the key; else NULL */
	char *label;
	char **groups; /* header groups above the label, outermost first */
	size_t ngroups;
	bool total; /* the column that sums the others */
	enum form_value_type type;
};

struct form_column_set {
	char *name;
	struct form_column *columns;
	size_t ncolumns;
};

struct form_row {
	char *label;
	char *path;    /* data path; for a group, optional */
	size_t depth;  /* 0 for rows at the top of the table */
	size_t parent; /* enclosing group row, or FORM_NONE */
	bool group;    /* a heading over other rows; has no cells */
	bool total;
	size_t first_cell; /* cells first_cell .. + ncolumns (not groups) */
};

struct form_table {
	char *id;
	char *title;			       /* e.g. 第二十条第（一）项, may be NULL */
	char *label_header;		       /* top-left header cell, may be NULL */
	const struct form_column_set *columns; /* borrowed from the form */
	enum form_store store;
	bool print_one_row;    /* printed as one row, rows becoming column groups */
	struct form_row *rows; /* in printed order, groups before their rows */
	size_t nrows;
	size_t section;
};

enum form_item_kind { FORM_ITEM_TEXT, FORM_ITEM_TABLE };

struct form_item {
	enum form_item_kind kind;
	size_t index; /* a cell (texts) or a table */
};

struct form_section {
	char *number;  /* 一 */
	char *title;   /* 总体情况 */
	char *heading; /* 一、总体情况 */
	struct form_item *items;
	size_t nitems;
};

struct form_cell {
	char *path; /* requests.new[0], proactive.regulations.issued, text.overview */
	char *label; /* the official label, e.g. 一、本年新收政府信息公开申请数量／自然人 */
	enum form_value_type type;
	size_t section;
	size_t table;  /* FORM_NONE for texts */
	size_t row;    /* row index within the table */
	size_t column; /* column index within the table */
	size_t node;   /* schema node holding the value */
};

enum form_node_kind {
	FORM_NODE_MAP,	/* keys are the children */
	FORM_NODE_ROW,	/* a table row (sequence or map of its cells) */
	FORM_NODE_CELL, /* one value */
};

/* The data file's key tree below the report's own keys (form, organ...). */
struct form_node {
	char *key;
	char *label; /* comment written beside the key, may be NULL */
	enum form_node_kind kind;
	size_t parent;
	size_t *children;
	size_t nchildren;
	size_t table, row; /* rows: which table row */
	size_t cell;	   /* cells: which cell */
};

/* One phrase of a phrases: rule, as written (the pattern language is in
 * phrase.h). */
struct form_phrase {
	char *match;   /* the pattern */
	char *value;   /* the cell or sum it names ("a + b"); NULL for a {year} phrase */
	char *label;   /* what value is called in messages; NULL: the cell's label */
	char *message; /* NULL: the rule's */
	int line;
};

/* A rule as written in the form; see rules.h for what they mean. */
struct form_rule {
	char *id;
	bool warning; /* severity: warning (else error) */
	char *message;
	char *meaning; /* what it checks, one line for --list-rules; NULL when unsaid */
	char *each;    /* "column", "row" or NULL */
	char *table;   /* table id for each */
	char *assert;  /* equation, e.g. "A[$c] = B[$c] + C.*[$c]" */
	char *cell;    /* the cell a diagnostic names */
	bool fill;     /* cell is derived from the other side */
	bool needs_previous;
	char **required; /* required: cells that must not be empty */
	size_t nrequired;
	/* forbidden: the phrases none of texts may contain; a space in a
	 * phrase stands for one or more blanks, so "（ ）" is brackets left
	 * blank however wide */
	char **forbidden;
	size_t nforbidden;
	char **texts;
	size_t ntexts;
	/* mentions: words each of texts must name, one entry per part, its
	 * alternatives separated by "|" ("问题|不足"); a blank text is
	 * required's business, not this */
	char **mentions;
	size_t nmentions;
	int value_type; /* value rules: the type they guard, else -1 */
	int line;	/* where it is written, for compile errors */
	/* phrases: figures and years the texts state (text.numbers, text.year) */
	struct form_phrase *phrases;
	size_t nphrases;
	int64_t gap;   /* longest gap (…) of a phrase, in characters */
	int64_t ahead; /* {year}: years after the report's allowed */
	/* changes: cells compared with last year's (plausibility) */
	char **changes;
	size_t nchanges;
	int64_t factor, by; /* a change by more than factor times and by more than by */
	int64_t repeat;	    /* repeat: share (percent) of last year's text that warns */
};

struct form {
	char *id;
	char *name;
	char *title; /* template with {organ} and {year} */
	struct form_type types[FORM_VALUE_TYPES];
	struct form_column_set *column_sets;
	size_t ncolumn_sets;
	struct form_section *sections;
	size_t nsections;
	struct form_table *tables;
	size_t ntables;
	struct form_cell *cells;
	size_t ncells;
	struct form_node *nodes; /* nodes[0] is the root map */
	size_t nnodes;
	struct form_rule *rules;
	size_t nrules;
	size_t *cells_by_path; /* cell indices sorted by path */
	char **label_breaks;   /* header labels with "|" where they may wrap */
	size_t nlabel_breaks;
};

struct form_error {
	char *message;	  /* owned */
	int line, column; /* 1-based, 0 when unknown */
};

/* Loads a form definition from data[0..len).  Returns NULL and fills
 * *error (caller frees error->message) when it is not a valid form. */
struct form *form_parse(const char *data, size_t len, struct form_error *error);
void form_free(struct form *form);

/* The cell at path, or FORM_NONE. */
size_t form_find_cell(const struct form *form, const char *path);
/* The table with this id, or FORM_NONE. */
size_t form_find_table(const struct form *form, const char *id);
/* The child of node with this key, or FORM_NONE. */
size_t form_node_child(const struct form *form, size_t node, const char *key, size_t len);
/* The column of a table cell, or NULL for a text. */
/* label ("商业企业") with the places a printed header cell may wrap it
 * marked by "|" ("商业|企业"), as the form's label_breaks give them, or
 * NULL when it gives none (borrowed from form). */
const char *form_label_breaks(const struct form *form, const char *label);

const struct form_column *form_cell_column(const struct form *form, const struct form_cell *cell);

#endif
