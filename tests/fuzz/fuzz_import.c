/* libFuzzer target: the import of a published report (import_report, with
 * its detection of the format by content, so the PDF, Word and web page
 * readers as well as the text's encoding detection, line splitting, layout
 * and table reading) on any bytes.  The corpus holds a seed of each
 * format.  An imported report must pass the loader's own checks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "catalog.h"
#include "diag.h"
#include "import.h"
#include "report.h"
#include "report_load.h"
#include "report_save.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *catalog;
	static const struct catalog_entry *entry;
	if (!catalog) {
		catalog = catalog_new();
		char *error = NULL;
		entry = catalog_get(catalog, catalog_default_id(catalog), &error);
		if (!entry)
			abort();
	}
	struct diag_list diags;
	diag_list_init(&diags);
	const char *encoding = NULL;
	struct report *report = import_report((const char *)data, size, entry->form, &encoding,
					      &diags);
	if (report) {
		/* import writes this file with -o: it must be a report nianbao loads */
		size_t len = 0;
		char *saved = report_format(report, &len);
		struct diag_list load_diags;
		diag_list_init(&load_diags);
		struct report *again = report_load_buffer(saved, len, catalog, NULL, &load_diags);
		if (!again)
			abort();
		report_free(again);
		diag_list_fini(&load_diags);
		free(saved);
		report_free(report);
	} else if (!diag_list_has_errors(&diags)) {
		abort();
	}
	diag_list_fini(&diags);
	return 0;
}
