/* nianbao edit: the full-screen form. */
#include <string.h>

#include "cli.h"
#include "report.h"
#include "tui_module.h"

static enum cli_status edit_run(struct cli *cli, const struct cli_args *args);

enum { EDIT_ORGAN, EDIT_YEAR };

static const struct cli_option edit_options[] = {
	[EDIT_ORGAN] = {"organ", 0, "发布机关", "新建时的发布机关（不写则在表单中询问）"},
	[EDIT_YEAR] = {"year", 0, "年度", "新建时的报告年度（不写则在表单中询问）"},
	{NULL},
};

const struct cli_command cmd_edit = {
	.name = "edit",
	.summary = "在终端中逐项填写报告（文件不存在时新建）",
	.options = edit_options,
	.operands = {"文件", 1, 1, "要写出一个报告文件", "只能写一个报告文件"},
	.notes = "每次修改后，未保存的内容都写入报告旁边的隐藏恢复文件（.文件名.recovery）；\n"
		 "程序意外退出后再次打开同一报告时，会询问是否恢复。F1 查看全部按键。\n",
	.run = edit_run,
};

static enum cli_status edit_run(struct cli *cli, const struct cli_args *args)
{
	const char *organ = args->values[EDIT_ORGAN], *year_text = args->values[EDIT_YEAR];
	const char *problem;
	if (organ && (problem = report_organ_problem(organ, strlen(organ))))
		return cli_usage_error(cli, &cmd_edit, "发布机关%s", problem);
	int year = 0;
	if (year_text && (problem = report_parse_year(year_text, strlen(year_text), &year)))
		return cli_usage_error(cli, &cmd_edit, "年度%s", problem);
	const struct tui_module *tui = cli_tui(cli, "edit");
	if (!tui)
		return CLI_REFUSED;
	return (enum cli_status)tui->edit(args->operands[0], cli->catalog, organ, year, cli->err);
}
