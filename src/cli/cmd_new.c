/* nianbao new: an empty report of the newest form, every count 0. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "report.h"
#include "report_save.h"
#include "rules.h"
#include "value.h"

static enum cli_status new_run(struct cli *cli, const struct cli_args *args);

enum { NEW_ORGAN, NEW_YEAR, NEW_OUTPUT, NEW_FORCE, NEW_FORM };

static const struct cli_option new_options[] = {
	[NEW_ORGAN] = {"organ", 0, "发布机关", "发布机关，例如 函谷关镇人民政府", .required = true},
	[NEW_YEAR] = {"year", 0, "年度", "报告年度，例如 2024", .required = true},
	[NEW_OUTPUT] = {"output", 'o', "文件", "写到这个文件（默认写到标准输出）"},
	[NEW_FORCE] = {"force", 0, NULL, "文件已存在时覆盖它（默认拒绝覆盖）"},
	[NEW_FORM] = {"form", 0, "格式", "报告格式（默认为最新的国家格式）"},
	{NULL},
};

const struct cli_command cmd_new = {
	.name = "new",
	.summary = "新建一份空白报告（各项数字为 0）",
	.options = new_options,
	.operands = {.max = 0},
	.run = new_run,
};

static enum cli_status new_run(struct cli *cli, const struct cli_args *args)
{
	const char *organ = args->values[NEW_ORGAN], *year_text = args->values[NEW_YEAR];
	const char *output = args->values[NEW_OUTPUT] ? args->values[NEW_OUTPUT] : "-";
	const char *form_id = args->values[NEW_FORM];
	bool force = args->values[NEW_FORCE] != NULL;
	const char *problem = report_organ_problem(organ, strlen(organ));
	if (problem)
		return cli_usage_error(cli, &cmd_new, "发布机关%s", problem);
	int64_t year;
	if (!value_parse_count(year_text, strlen(year_text), 9999, &year, &problem) ||
	    year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX)
		return cli_usage_error(cli, &cmd_new, "年度应为 %d 到 %d 之间的年份（写的是“%s”）",
				       REPORT_YEAR_MIN, REPORT_YEAR_MAX, year_text);

	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(
		cli->catalog, form_id ? form_id : catalog_default_id(cli->catalog), &error);
	if (!entry) {
		fprintf(cli->err, "nianbao new: %s\n", error);
		free(error);
		return CLI_REFUSED;
	}
	struct report *r = report_new(entry->form);
	report_set_organ(r, organ);
	r->year = (int)year;
	rules_fill_all(entry->rules, r);

	enum cli_status status = CLI_OK;
	if (strcmp(output, "-") == 0) {
		size_t len;
		char *text = report_format(r, &len);
		if (!cli_write_output(cli, "new", "-", text, len))
			status = CLI_REFUSED;
		free(text);
	} else if (!cli_save_report(cli, "new", r, output, force)) {
		status = CLI_REFUSED;
	}
	report_free(r);
	return status;
}
