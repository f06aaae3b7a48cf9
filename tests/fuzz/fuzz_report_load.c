/* libFuzzer target: the report loader (report_load_buffer) on any bytes.
 * A report that loads must also render, and save to a file that loads
 * back equal. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "report.h"
#include "report_load.h"
#include "render_text.h"
#include "report_save.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *catalog;
	if (!catalog)
		catalog = catalog_new();
	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry = NULL;
	struct report *report = report_load_buffer((const char *)data, size, catalog, &entry,
						   &diags);
	if (report) {
		size_t len = 0;
		free(render_text(report, &len));
		char *saved = report_format(report, &len);
		struct diag_list again_diags;
		diag_list_init(&again_diags);
		struct report *again = report_load_buffer(saved, len, catalog, NULL, &again_diags);
		if (!again || !report_equal(report, again))
			abort(); /* what we save must load back as it was */
		report_free(again);
		diag_list_fini(&again_diags);
		free(saved);
		report_free(report);
	} else if (!diag_list_has_errors(&diags)) {
		abort(); /* a refusal always says why */
	}
	diag_list_fini(&diags);
	return 0;
}
