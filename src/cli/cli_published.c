/* Reading published reports for the commands: import reads one into a
 * report, draft and check --previous take last year's report as a data
 * file or as the text the office published. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "import.h"
#include "import_decode.h"
#include "report.h"
#include "report_load.h"

struct report *cli_import_published(struct cli *cli, const char *command, const char *file,
				    const struct form *form, struct diag_list *diags,
				    struct import_where **where)
{
	size_t len;
	char *data = report_read_file(file, IMPORT_FILE_MAX_BYTES, &len, diags);
	const char *encoding = NULL;
	if (where)
		*where = NULL;
	struct report *r = data ? import_report_where(data, len, form, &encoding, diags, where)
				: NULL;
	free(data);
	if (encoding)
		fprintf(cli->err, "nianbao %s: %s 按 %s 编码读取\n", command, file, encoding);
	return r;
}

/* A data file ends in .yaml or .yml; anything else is taken for a
 * published text (.txt, .md, ...). */
static bool is_published_text(const char *path)
{
	size_t n = strlen(path);
	return !((n >= 5 && strcasecmp(path + n - 5, ".yaml") == 0) ||
		 (n >= 4 && strcasecmp(path + n - 4, ".yml") == 0));
}

struct report *cli_load_last_year(struct cli *cli, const char *command, const char *path,
				  const struct catalog_entry **entry, bool *guessed)
{
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = NULL;
	*guessed = false;
	if (is_published_text(path)) {
		char *error = NULL;
		const struct catalog_entry *form = catalog_get(
			cli->catalog, catalog_default_id(cli->catalog), &error);
		if (!form) {
			fprintf(cli->err, "nianbao %s: %s\n", command, error);
			free(error);
			return NULL;
		}
		r = cli_import_published(cli, command, path, form->form, &diags, NULL);
		*guessed = r && diags.count > 0;
		if (entry)
			*entry = form;
	} else {
		r = report_load_file(path, cli->catalog, entry, &diags);
	}
	diag_list_sort(&diags);
	cli_print_diags(cli->err, path, &diags);
	diag_list_fini(&diags);
	return r;
}
