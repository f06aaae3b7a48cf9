/* libFuzzer target: the PDF of any report that loads.  render_pdf must
 * either give a PDF or say why not (a character it cannot print, or the
 * fonts); it must never crash, whatever the texts, counts and organ. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "render_pdf.h"
#include "report.h"
#include "report_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog *catalog;
	if (!catalog)
		catalog = catalog_new();
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *report = report_load_buffer((const char *)data, size, catalog, NULL, &diags);
	if (report) {
		struct diag_list problems;
		diag_list_init(&problems);
		struct render_pdf_options options = {0};
		size_t len = 0;
		char *error = NULL;
		char *pdf = render_pdf(report, &options, &len, &problems, &error);
		if (pdf && (len < 8 || memcmp(pdf, "%PDF-", 5) != 0))
			abort(); /* what it gives is a PDF */
		if (!pdf && !error && !diag_list_has_errors(&problems))
			abort(); /* a refusal always says why */
		free(pdf);
		free(error);
		diag_list_fini(&problems);
		report_free(report);
	}
	diag_list_fini(&diags);
	return 0;
}
