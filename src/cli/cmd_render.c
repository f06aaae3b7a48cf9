/* nianbao render: the standardized text and the PDF of a report. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"

static enum cli_status render_run(struct cli *cli, const struct cli_args *args);

enum { RENDER_TEXT, RENDER_PDF, RENDER_SEAL, RENDER_FINAL };

static const struct cli_option render_options[] = {
	[RENDER_TEXT] = {"text", 0, "输出.txt",
			 "写出标准文本（“-”表示标准输出；不写任何选项时也输出到标准输出）"},
	[RENDER_PDF] = {"pdf", 0, "输出.pdf",
			"写出 PDF（A4，GB/T 9704-2012 公文格式，字体嵌入子集）"},
	[RENDER_SEAL] = {"seal", 0, "印章.png", "把 PNG 印章图片盖在 PDF 的落款上", .needs = "pdf"},
	[RENDER_FINAL] = {"final", 0, NULL,
			  "只排定稿：草稿、有占位文字或违反勾稽关系的报告什么都不写，退出状态为 1"},
	{NULL},
};

const struct cli_command cmd_render = {
	.name = "render",
	.summary = "把报告排成标准文本或 PDF",
	.options = render_options,
	.operands = {"文件", 1, 1, "要写出一个报告文件", "只能写一个报告文件"},
	.notes =
		"输出文件如已存在会被替换（要么完整写成，要么保持原样）。报告违反勾稽关系时\n"
		"仍然输出，但在标准错误上列出问题，退出状态为 1。PDF 所用字体见 fonts/roles.conf；\n"
		"有字印不出来（字体里没有，或超出 U+FFFF）时不写 PDF，指出是哪个字、在哪里，\n"
		"退出状态为 2。设置了 SOURCE_DATE_EPOCH 时，同一报告每次生成的 PDF 完全相同。\n"
		"不加 --final 时草稿也照排，PDF 每页印着“草稿”字样；要发布的 PDF 请加 --final，\n"
		"它像 sign 一样只认定稿：标着 draft: true、正文里还有【待改写】、【待核实】、XX、\n"
		"待补充等占位文字，或违反勾稽关系时，逐条列出要改正的地方，不写任何文件。\n",
	.run = render_run,
};

static enum cli_status render_run(struct cli *cli, const struct cli_args *args)
{
	const char *text_path = args->values[RENDER_TEXT], *pdf_path = args->values[RENDER_PDF];
	const char *seal_path = args->values[RENDER_SEAL];
	const char *file = args->operands[0];
	if (!text_path && !pdf_path)
		text_path = "-";
	/* an output is replaced, never the report it is made from */
	const char *outputs[] = {text_path, pdf_path};
	for (size_t i = 0; i < 2; i++)
		if (outputs[i] && strcmp(outputs[i], "-") != 0 && cli_same_file(outputs[i], file)) {
			fprintf(cli->err,
				"nianbao render: %s 就是报告文件本身，不能用排出的结果替换它\n",
				outputs[i]);
			return CLI_REFUSED;
		}
	if (text_path && pdf_path &&
	    (strcmp(text_path, pdf_path) == 0 || cli_same_file(text_path, pdf_path)))
		return cli_usage_error(cli, &cmd_render, "--text 和 --pdf 不能写到同一个文件");

	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry;
	struct report *r = report_load_file(file, cli->catalog, &entry, &diags);
	if (!r) {
		cli_print_diags(cli->err, file, &diags);
		diag_list_fini(&diags);
		return CLI_REFUSED;
	}
	enum cli_status status = CLI_OK;
	if (args->values[RENDER_FINAL]) {
		cli_print_diags(cli->err, file, &diags);
		if (!cli_final_check(cli, "render", file, entry, r)) {
			report_free(r);
			diag_list_fini(&diags);
			return CLI_BROKEN; /* nothing written */
		}
	} else {
		rules_diagnose(entry->rules, r, NULL, &diags);
		diag_list_sort(&diags);
		status = diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;
		cli_print_diags(cli->err, file, &diags);
	}

	/* both are made before either is written: none is left newer than the other */
	size_t text_len = 0, pdf_len = 0;
	char *text = text_path ? render_text(r, &text_len) : NULL;
	char *pdf = pdf_path ? cli_render_pdf(cli, "render", file, r, seal_path, &pdf_len) : NULL;
	if (pdf_path && !pdf) {
		fprintf(cli->err, "nianbao render: 没有写出 %s%s%s\n", pdf_path,
			text_path ? " 和 " : "", text_path ? text_path : "");
		status = CLI_REFUSED;
	} else {
		if (text && !cli_write_output(cli, "render", text_path, text, text_len))
			status = CLI_REFUSED;
		if (pdf && !cli_write_output(cli, "render", pdf_path, pdf, pdf_len))
			status = CLI_REFUSED;
	}
	free(text);
	free(pdf);
	report_free(r);
	diag_list_fini(&diags);
	return status;
}
