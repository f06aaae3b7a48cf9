/* Helpers shared by the unit tests; see support.h. */
#include "support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"

static struct catalog *catalog;

struct catalog *test_catalog(void)
{
	if (!catalog)
		catalog = catalog_new();
	return catalog;
}

const struct catalog_entry *test_form(void)
{
	char *error = NULL;
	const struct catalog_entry *e = catalog_get(test_catalog(), "gov-info-2021", &error);
	if (!e)
		fail_msg("built-in form does not load: %s", error);
	return e;
}

static char *read_file(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	long size = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *data = malloc((size_t)size + 1);
	*len = fread(data, 1, (size_t)size, fp);
	data[*len] = '\0';
	fclose(fp);
	return data;
}

char *test_read_data(const char *name, size_t *len)
{
	return read_file(NIANBAO_TEST_DATA, name, len);
}

char *test_read_golden(const char *name, size_t *len)
{
	return read_file(NIANBAO_TEST_GOLDEN, name, len);
}

struct report *test_load(const char *name)
{
	size_t len;
	char *data = test_read_data(name, &len);
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = report_load_buffer(data, len, test_catalog(), NULL, &diags);
	if (!r)
		fail_msg("%s does not load: %d:%d %s", name, diags.items[0].line,
			 diags.items[0].column, diags.items[0].message);
	diag_list_fini(&diags);
	free(data);
	return r;
}

struct report *test_load_text(const char *text, struct diag_list *diags)
{
	return report_load_buffer(text, strlen(text), test_catalog(), NULL, diags);
}

size_t test_cell(const char *path)
{
	size_t cell = form_find_cell(test_form()->form, path);
	if (cell == FORM_NONE)
		fail_msg("no cell %s", path);
	return cell;
}
