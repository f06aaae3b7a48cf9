/* Helpers shared by the unit tests: the built-in form, fixture files. */
#ifndef NIANBAO_TEST_SUPPORT_H
#define NIANBAO_TEST_SUPPORT_H

#include <stddef.h>

struct catalog;
struct catalog_entry;
struct diag_list;
struct report;

/* The catalog of built-in forms, created once per test program. */
struct catalog *test_catalog(void);
/* The built-in gov-info-2021 form and its rules. */
const struct catalog_entry *test_form(void);

/* Reads tests/data/NAME (or golden/NAME) into a new buffer; fails the test if it cannot. */
char *test_read_data(const char *name, size_t *len);
char *test_read_golden(const char *name, size_t *len);

/* Loads tests/data/NAME, failing the test on any error. */
struct report *test_load(const char *name);

/* Loads text as a report file; returns the report or NULL, diagnostics in diags. */
struct report *test_load_text(const char *text, struct diag_list *diags);

/* The cell index of path in the test form, failing the test if unknown. */
size_t test_cell(const char *path);

#endif
