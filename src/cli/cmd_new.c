/* nianbao new: an empty report of the newest form, every count 0. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "report.h"
#include "report_save.h"
#include "rules.h"
#include "value.h"

static enum cli_status new_run(struct cli *cli, int argc, char **argv);

const struct cli_command cmd_new = {
	.name = "new",
	.usage = "--organ 发布机关 --year 年度 [-o 文件] [--force]",
	.summary = "新建一份空白报告（各项数字为 0）",
	.help = "  --organ 名称   发布机关，例如 函谷关镇人民政府\n"
		"  --year 年度    报告年度，例如 2024\n"
		"  -o 文件        写到这个文件（默认写到标准输出）\n"
		"  --force        文件已存在时覆盖它（默认拒绝覆盖）\n"
		"  --form 格式    报告格式（默认为最新的国家格式）\n",
	.run = new_run,
};

static enum cli_status new_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"organ", required_argument, NULL, 'n'}, {"year", required_argument, NULL, 'y'},
		{"output", required_argument, NULL, 'o'}, {"force", no_argument, NULL, 'f'},
		{"form", required_argument, NULL, 'F'},	  {NULL, 0, NULL, 0},
	};
	const char *organ = NULL, *year_text = NULL, *output = "-", *form_id = NULL;
	bool force = false;
	int c;
	while ((c = getopt_long(argc, argv, ":o:", options, NULL)) != -1) {
		switch (c) {
		case 'n': organ = optarg; break;
		case 'y': year_text = optarg; break;
		case 'o': output = optarg; break;
		case 'f': force = true; break;
		case 'F': form_id = optarg; break;
		default: return cli_option_error(cli, &cmd_new, c, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(cli, &cmd_new, "多余的参数“%s”", argv[optind]);
	if (!organ || !year_text)
		return cli_usage_error(cli, &cmd_new, "要写明 --organ 和 --year");
	const char *problem = report_organ_problem(organ, strlen(organ));
	if (problem)
		return cli_usage_error(cli, &cmd_new, "发布机关%s", problem);
	int64_t year;
	if (!value_parse_count(year_text, strlen(year_text), 9999, &year, &problem) ||
	    year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX)
		return cli_usage_error(cli, &cmd_new, "年度应为 %d 到 %d 之间的年份（写的是“%s”）",
				       REPORT_YEAR_MIN, REPORT_YEAR_MAX, year_text);

	char *error = NULL;
	const struct catalog_entry *entry =
		catalog_get(cli->catalog, form_id ? form_id : catalog_default_id(cli->catalog), &error);
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
	} else {
		int err = report_save(r, output, force, &error);
		if (err == EEXIST)
			fprintf(cli->err, "nianbao new: %s 已经存在，没有改动它；确要覆盖请加 --force\n",
				output);
		else if (err)
			fprintf(cli->err, "nianbao new: %s\n", error);
		free(error);
		status = err ? CLI_REFUSED : CLI_OK;
	}
	report_free(r);
	return status;
}
