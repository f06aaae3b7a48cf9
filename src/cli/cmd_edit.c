/* nianbao edit: the full-screen form. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "tui.h"

static enum cli_status edit_run(struct cli *cli, int argc, char **argv);

const struct cli_command cmd_edit = {
	.name = "edit",
	.usage = "文件 [--organ 发布机关 --year 年度]",
	.summary = "在终端中逐项填写报告（文件不存在时新建）",
	.help = "  --organ 名称   新建时的发布机关（不写则在表单中询问）\n"
		"  --year 年度    新建时的报告年度（不写则在表单中询问）\n"
		"\n"
		"每次修改后，未保存的内容都写入报告旁边的隐藏恢复文件（.文件名.recovery）；\n"
		"程序意外退出后再次打开同一报告时，会询问是否恢复。F1 查看全部按键。\n",
	.run = edit_run,
};

static enum cli_status edit_run(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{"organ", required_argument, NULL, 'n'},
		{"year", required_argument, NULL, 'y'},
		{NULL, 0, NULL, 0},
	};
	const char *organ = NULL, *year_text = NULL;
	int c;
	while ((c = getopt_long(argc, argv, ":", options, NULL)) != -1) {
		switch (c) {
		case 'n': organ = optarg; break;
		case 'y': year_text = optarg; break;
		default: return cli_option_error(cli, &cmd_edit, c, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(cli, &cmd_edit, optind >= argc ? "要写出一个报告文件"
								    : "只能写一个报告文件");
	const char *problem;
	if (organ && (problem = report_organ_problem(organ, strlen(organ))))
		return cli_usage_error(cli, &cmd_edit, "发布机关%s", problem);
	int year = 0;
	if (year_text && (problem = report_parse_year(year_text, strlen(year_text), &year)))
		return cli_usage_error(cli, &cmd_edit, "年度%s", problem);
	return (enum cli_status)tui_edit(argv[optind], cli->catalog, organ, year, cli->err);
}
