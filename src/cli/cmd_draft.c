/* nianbao draft: last year's report (data file or published text)
 * becomes this year's draft. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "draft.h"
#include "report.h"

static enum cli_status draft_run(struct cli *cli, const struct cli_args *args);

enum { DRAFT_OUTPUT, DRAFT_FORCE };

static const struct cli_option draft_options[] = {
	[DRAFT_OUTPUT] = {"output", 'o', "文件.yaml", "写到这个文件（“-”表示标准输出，也是默认）"},
	[DRAFT_FORCE] = {"force", 0, NULL, "文件已存在时覆盖它（默认拒绝覆盖）"},
	{NULL},
};

const struct cli_command cmd_draft = {
	.name = "draft",
	.summary = "由上年的报告生成本年报告的草稿",
	.options = draft_options,
	.operands = {"上年文件", 1, 1, "要写出上年的报告文件", "只能写一个上年的报告文件"},
	.notes =
		"上年文件可以是报告文件（.yaml），也可以是已发布的年度报告文本（其他文件名，先按\n"
		"nianbao import 读取）。草稿的年度加一，标为草稿，不写成文日期；上年“结转下年度\n"
		"继续办理”成为本年“上年结转”，现行有效件数沿用上年，其余各项为 0；正文保留上年的\n"
		"内容原样供改写，开头注明“【待改写】”，写的是上年情况的句子前标上“【待核实：…】”\n"
		"（日期、《》标题和文号不改动）；两种标记删去之前，报告不能签名。\n"
		"退出状态：0 写出草稿；1 读取上年文本时有猜测（草稿仍然写出）；2 上年文件无法读取。\n",
	.run = draft_run,
};

static enum cli_status draft_run(struct cli *cli, const struct cli_args *args)
{
	const char *output = args->values[DRAFT_OUTPUT] ? args->values[DRAFT_OUTPUT] : "-";
	bool force = args->values[DRAFT_FORCE] != NULL;
	const char *file = args->operands[0];
	if (cli_refuse_own_input(cli, "draft", output, &file, 1) ||
	    cli_refuse_existing(cli, "draft", output, force))
		return CLI_REFUSED;
	bool guessed;
	const struct catalog_entry *entry = NULL;
	struct report *last = cli_load_last_year(cli, "draft", file, &entry, &guessed);
	if (!last) {
		fprintf(cli->err, "nianbao draft: 没有写出任何文件\n");
		return CLI_REFUSED;
	}
	struct report *draft = draft_next_year(last, entry->rules);
	enum cli_status status = guessed ? CLI_BROKEN : CLI_OK;
	if (!draft) {
		fprintf(cli->err, "nianbao draft: 上年报告的年度 %d 已是最后一个可用的年度\n",
			last->year);
		status = CLI_REFUSED;
	} else if (!cli_save_report(cli, "draft", draft, output, force)) {
		status = CLI_REFUSED;
	}
	report_free(draft);
	report_free(last);
	return status;
}
