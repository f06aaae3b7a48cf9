/* nianbao import: a published report (text) becomes a data file. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "import.h"
#include "report.h"
#include "rules.h"

static enum cli_status import_run(struct cli *cli, const struct cli_args *args);

enum { IMPORT_OUTPUT, IMPORT_FORCE, IMPORT_FORM };

static const struct cli_option import_options[] = {
	[IMPORT_OUTPUT] = {"output", 'o', "文件.yaml", "写到这个文件（“-”表示标准输出，也是默认）"},
	[IMPORT_FORCE] = {"force", 0, NULL, "文件已存在时覆盖它（默认拒绝覆盖）"},
	[IMPORT_FORM] = {"form", 0, "格式", "报告格式（默认为最新的国家格式）"},
	{NULL},
};

const struct cli_command cmd_import = {
	.name = "import",
	.summary = "把已发布的年度报告（文本、网页、Word 文档或 PDF）转成报告文件",
	.options = import_options,
	.operands = {"已发布的报告", 1, 1, "要写出一个已发布的报告文件", "只能写一个报告文件"},
	.notes =
		"按内容识别格式：文本（UTF-8 或 GB18030/GBK，并说明读的是哪一种）、网页、.docx、PDF；\n"
		"旧版 .doc、没有文字层的 PDF、要密码才能打开的 PDF 不能读（说明怎么办）。表格中的数按官方的行名\n"
		"放进各格，总计按发布的原样保留。表格有缺损时写出最可能的读法，并在标准错误上\n"
		"指出猜测的是哪一行哪一列（文件:行:列；PDF 另说第几页第几行，网页和 Word 另说第几张表\n"
		"第几行第几格）；无法读取的地方也一一列出。\n"
		"退出状态：0 完整读取；1 有猜测、无法读取之处，或报告违反勾稽关系（文件仍然写出）；\n"
		"2 不是年度报告或无法读取（不写任何文件）。\n",
	.run = import_run,
};

/* Counts the diagnostics import itself made (guesses, unread cells). */
static size_t count_import_diags(const struct diag_list *diags)
{
	size_t n = 0;
	for (size_t i = 0; i < diags->count; i++)
		n += strncmp(diags->items[i].rule, "import.", 7) == 0;
	return n;
}

static enum cli_status import_run(struct cli *cli, const struct cli_args *args)
{
	const char *output = args->values[IMPORT_OUTPUT] ? args->values[IMPORT_OUTPUT] : "-";
	const char *form_id = args->values[IMPORT_FORM];
	bool force = args->values[IMPORT_FORCE] != NULL;
	const char *file = args->operands[0];
	if (cli_refuse_own_input(cli, "import", output, &file, 1) ||
	    cli_refuse_existing(cli, "import", output, force))
		return CLI_REFUSED;
	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(
		cli->catalog, form_id ? form_id : catalog_default_id(cli->catalog), &error);
	if (!entry) {
		fprintf(cli->err, "nianbao import: %s\n", error);
		free(error);
		return CLI_REFUSED;
	}

	struct diag_list diags;
	diag_list_init(&diags);
	struct import_where *where;
	struct report *r = cli_import_published(cli, "import", file, entry->form, &diags, &where);
	if (!r) {
		diag_list_sort(&diags);
		cli_print_diags(cli->err, file, &diags);
		fprintf(cli->err, "nianbao import: 没有写出任何文件\n");
		diag_list_fini(&diags);
		return CLI_REFUSED;
	}
	size_t guesses = count_import_diags(&diags), before = diags.count;
	rules_diagnose(entry->rules, r, NULL, &diags);
	/* a rule names the cell by the line and column import marked it at */
	import_where_say(where, &diags, before);
	import_where_free(where);
	diag_list_sort(&diags);
	cli_print_diags(cli->err, file, &diags);
	enum cli_status status = guesses || diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;

	if (!cli_save_report(cli, "import", r, output, force))
		status = CLI_REFUSED;
	else if (guesses && strcmp(output, "-") != 0)
		fprintf(cli->err,
			"nianbao import: 已写出 %s；上面 %zu 处是猜测或没能读取的地方，请核对\n",
			output, guesses);
	report_free(r);
	diag_list_fini(&diags);
	return status;
}
