/* The PDF of a report for the commands that make one (render, sign):
 * rendered in memory, with the characters that cannot be printed or the
 * trouble with the fonts printed the way commands print, and the final
 * gate a published PDF must pass; see cli.h. */
#include "cli.h"

#include <stdbool.h>
#include <stdlib.h>

#include "catalog.h"
#include "diag.h"
#include "final_gate.h"
#include "pdf_module.h"
#include "report.h"
#include "report_load.h"

char *cli_render_pdf(struct cli *cli, const char *command, const char *file,
		     const struct report *report, const char *seal_path, size_t *len)
{
	const struct pdf_module *module = cli_pdf(cli, command);
	if (!module)
		return NULL;
	struct diag_list problems;
	diag_list_init(&problems);
	struct render_pdf_options options = {.seal_png = seal_path};
	char *error = NULL;
	char *pdf = module->render(report, &options, len, &problems, &error);
	if (!pdf) {
		cli_print_diags(cli->err, file, &problems);
		if (error)
			fprintf(cli->err, "nianbao %s: %s\n", command, error);
		fprintf(cli->err, "nianbao %s: %s 没有排成 PDF\n", command, file);
	}
	free(error);
	diag_list_fini(&problems);
	return pdf;
}

bool cli_final_check(struct cli *cli, const char *command, const char *file,
		     const struct catalog_entry *entry, const struct report *report)
{
	struct diag_list diags;
	diag_list_init(&diags);
	size_t blocking = final_gate_diagnose(entry->rules, report, &diags);
	diag_list_sort(&diags);
	cli_print_diags(cli->err, file, &diags);
	if (blocking)
		fprintf(cli->err,
			"nianbao %s: %s 还不是定稿：先改正上面标为 error 的 %zu 处"
			"（草稿标记、占位文字和违反勾稽关系的数字）\n",
			command, file, blocking);
	diag_list_fini(&diags);
	return blocking == 0;
}

char *cli_report_pdf(struct cli *cli, const char *command, const char *file, const char *seal_path,
		     size_t *len, bool *blocked)
{
	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry;
	struct report *r = report_load_file(file, cli->catalog, &entry, &diags);
	char *pdf = NULL;
	*blocked = false;
	cli_print_diags(cli->err, file, &diags);
	if (r && !(*blocked = !cli_final_check(cli, command, file, entry, r)))
		pdf = cli_render_pdf(cli, command, file, r, seal_path, len);
	report_free(r);
	diag_list_fini(&diags);
	return pdf;
}
