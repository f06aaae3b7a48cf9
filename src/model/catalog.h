/* The forms nianbao knows: those built in at compile time from forms/,
 * and, when NIANBAO_FORMS_DIR names a directory, the definitions found
 * there (which take precedence).  A form is loaded and its rules compiled
 * once, on first use. */
#ifndef NIANBAO_CATALOG_H
#define NIANBAO_CATALOG_H

struct form;
struct rules;

struct catalog;

struct catalog_entry {
	const struct form *form;
	const struct rules *rules;
};

struct catalog *catalog_new(void);
void catalog_free(struct catalog *catalog);

/* The form with this id, or NULL with *error set (the caller frees it). */
const struct catalog_entry *catalog_get(struct catalog *catalog, const char *id, char **error);

/* The id of the form new reports use. */
const char *catalog_default_id(const struct catalog *catalog);

/* The ids of every known form, separated by "、"; the caller frees it. */
char *catalog_ids(const struct catalog *catalog);

#endif
