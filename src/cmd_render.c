/* nianbao render: the standardized text of a report. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"

static enum cli_status render_run(struct cli *cli, int argc, char **argv);

const struct cli_command cmd_render = {
	.name = "render",
	.usage = "文件 [--text 输出.txt]",
	.summary = "把报告排成标准文本",
	.help = "  --text 文件    写出标准文本（“-”表示标准输出；不写任何选项时也输出到标准输出）\n"
		"\n"
		"输出文件如已存在会被替换（要么完整写成，要么保持原样）。报告违反勾稽关系时\n"
		"仍然输出，但在标准错误上列出问题，退出状态为 1。\n",
	.run = render_run,
};

static enum cli_status render_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"text", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	const char *text_path = NULL;
	int c;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 't': text_path = optarg; break;
		default: return cli_option_error(cli, &cmd_render, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(cli, &cmd_render, optind >= argc ? "要写出一个报告文件"
									: "只能写一个报告文件");
	const char *file = argv[optind];
	if (!text_path)
		text_path = "-";

	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry;
	struct report *r = report_load_file(file, cli->catalog, &entry, &diags);
	if (!r) {
		cli_print_diags(cli->err, file, &diags);
		diag_list_fini(&diags);
		return CLI_REFUSED;
	}
	rules_diagnose(entry->rules, r, NULL, &diags);
	diag_list_sort(&diags);
	enum cli_status status = diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;
	cli_print_diags(cli->err, file, &diags);

	size_t len;
	char *text = render_text(r, &len);
	if (!cli_write_output(cli, "render", text_path, text, len))
		status = CLI_REFUSED;
	free(text);
	report_free(r);
	diag_list_fini(&diags);
	return status;
}
