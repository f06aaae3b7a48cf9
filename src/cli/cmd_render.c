/* nianbao render: the standardized text, the PDF, the portal page, the Word
 * document and the OFD file of a report. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "docx_module.h"
#include "output_owner.h"
#include "pdf_module.h"
#include "render_html.h"
#include "ofd_module.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"

static enum cli_status render_run(struct cli *cli, const struct cli_args *args);

enum {
	RENDER_TEXT,
	RENDER_PDF,
	RENDER_SEAL,
	RENDER_HTML,
	RENDER_DOCX,
	RENDER_OFD,
	RENDER_FORCE,
	RENDER_FINAL
};

static const struct cli_option render_options[] = {
	[RENDER_TEXT] = {"text", 0, "输出.txt",
			 "写出标准文本（“-”表示标准输出；不写任何选项时也输出到标准输出）"},
	[RENDER_PDF] = {"pdf", 0, "输出.pdf",
			"写出 PDF（A4，GB/T 9704-2012 公文格式，字体嵌入子集）"},
	[RENDER_SEAL] = {"seal", 0, "印章.png", "把 PNG 印章图片盖在 PDF 的落款上", .needs = "pdf"},
	[RENDER_HTML] =
		{"html", 0, "输出.html",
		 "写出网页（一个文件，不含脚本，可直接发布到门户网站；页面模板 report.html）"},
	[RENDER_DOCX] = {"docx", 0, "输出.docx",
			 "写出 Word 文档（标题样式、合并单元格的表格，字体同 PDF）"},
	[RENDER_OFD] = {"ofd", 0, "输出.ofd",
			"写出 OFD（GB/T 33190，版面同 PDF，嵌入字体子集；不含印章和签名）"},
	[RENDER_FORCE] =
		{"force", 0, NULL,
		 "输出文件不是 nianbao 由这份报告排出的文件时也替换它（签过名的 PDF 除外）"},
	[RENDER_FINAL] = {"final", 0, NULL,
			  "只排定稿：草稿、有占位文字或违反勾稽关系的报告什么都不写，退出状态为 1"},
	{NULL},
};

const struct cli_command cmd_render = {
	.name = "render",
	.summary = "把报告排成标准文本、PDF、网页、Word 文档或 OFD",
	.options = render_options,
	.operands = {"文件", 1, 1, "要写出一个报告文件", "只能写一个报告文件"},
	.notes =
		"输出文件只在不存在、或是 nianbao 先前由同一份报告（同一机关、年度）排出的文件时\n"
		"才写出或替换（要么完整写成，要么保持原样）；别的文件要加 --force，签过名的 PDF\n"
		"从不替换，也从不替换报告或印章文件本身。报告违反勾稽关系时\n"
		"仍然输出，但在标准错误上列出问题，退出状态为 1。PDF 所用字体见 fonts/roles.conf；\n"
		"有字印不出来（字体里没有，或超出 U+FFFF）时不写 PDF，指出是哪个字、在哪里，\n"
		"退出状态为 2。设置了 SOURCE_DATE_EPOCH 时，同一报告每次生成的 PDF 完全相同。\n"
		"不加 --final 时草稿也照排，PDF 每页印着“草稿”字样；要发布的 PDF 请加 --final，\n"
		"它像 sign 一样只认定稿：标着 draft: true、正文里还有【待改写】、【待核实】、XX、\n"
		"待补充等占位文字，或违反勾稽关系时，逐条列出要改正的地方，不写任何文件。\n",
	.run = render_run,
};

/* --html, --docx and --ofd (index `which` of paths): refused when it names
 * the report, or the file of an output before it in paths. */
static enum cli_status render_check_output(struct cli *cli, const char *file, const char *option,
					   const char *const *paths, size_t which)
{
	const char *path = paths[which];
	if (!path)
		return CLI_OK;
	if (strcmp(path, "-") != 0 && cli_same_file(path, file)) {
		fprintf(cli->err, "nianbao render: %s 就是报告文件本身，不能用排出的结果替换它\n",
			path);
		return CLI_REFUSED;
	}
	for (size_t i = 0; i < which; i++)
		if (paths[i] && (strcmp(paths[i], path) == 0 || cli_same_file(paths[i], path)))
			return cli_usage_error(cli, &cmd_render,
					       "--%s 不能和别的输出写到同一个文件", option);
	return CLI_OK;
}

/* The page template for --html (NIANBAO_TEMPLATES_DIR/report.html or the
 * built-in one), read before anything is written; NULL after printing why. */
static char *render_html_page(struct cli *cli, const char *path)
{
	char *error = NULL;
	char *template = render_html_template(getenv("NIANBAO_TEMPLATES_DIR"), &error);
	if (!template) {
		fprintf(cli->err, "nianbao render: %s\n", error);
		fprintf(cli->err, "nianbao render: 没有写出 %s\n", path);
		free(error);
	}
	return template;
}

/* A role's family as roles.conf names it, or NULL when it names a file
 * (Word wants a family name; the document then names the default). */
static const char *family_of(const struct font_source *source)
{
	const char *name = source->name;
	return name && !strchr(name, '/') && !strstr(name, ".tt") && !strstr(name, ".ot") ? name
											  : NULL;
}

/* The Word document, its fonts named as the PDF's roles name them (the
 * defaults when roles.conf cannot be read: Word needs only the names);
 * NULL after printing why it cannot be made. */
static char *render_make_docx(struct cli *cli, const struct report *r, const char *path,
			      size_t *len)
{
	const struct pdf_module *pdf = cli_pdf(cli, "render");
	const struct docx_module *docx_writer = pdf ? cli_docx(cli, "render") : NULL;
	if (!docx_writer)
		return NULL;
	struct font_roles roles;
	char *error = NULL;
	bool have_roles = pdf->fonts_load(pdf->fonts_dir(), &roles, &error) == 0;
	free(error);
	error = NULL;
	struct docx_fonts fonts = {0};
	if (have_roles) {
		fonts.title = family_of(&roles.primary[FONT_ROLE_TITLE]);
		fonts.heading = family_of(&roles.primary[FONT_ROLE_HEADING]);
		fonts.body = family_of(&roles.primary[FONT_ROLE_BODY]);
		fonts.table = family_of(&roles.primary[FONT_ROLE_TABLE]);
	}
	char *docx = docx_writer->render(r, &fonts, len, &error);
	if (have_roles)
		pdf->fonts_fini(&roles);
	if (!docx) {
		fprintf(cli->err, "nianbao render: %s；没有写出 %s\n", error, path);
		free(error);
	}
	return docx;
}

/* The OFD file; NULL after printing why it cannot be made (characters no
 * font prints are named as for the PDF). */
static char *render_make_ofd(struct cli *cli, const char *file, const struct report *r,
			     const char *path, size_t *len)
{
	const struct ofd_module *ofd_writer = cli_ofd(cli, "render");
	if (!ofd_writer)
		return NULL;
	struct diag_list diags;
	diag_list_init(&diags);
	char *error = NULL;
	char *ofd = ofd_writer->render(r, NULL, len, &diags, &error);
	if (!ofd) {
		cli_print_diags(cli->err, file, &diags);
		if (error)
			fprintf(cli->err, "nianbao render: %s\n", error);
		fprintf(cli->err, "nianbao render: 没有写出 %s\n", path);
	}
	free(error);
	diag_list_fini(&diags);
	return ofd;
}

/* True (after printing why) when the file at path may not be replaced. */
static bool refuse_output(struct cli *cli, const char *path, enum output_owner owner, bool force)
{
	if (strcmp(path, "-") == 0)
		return false;
	char *why = output_owner_refusal(path, owner, force);
	if (!why)
		return false;
	fprintf(cli->err, "nianbao render: %s%s\n", why,
		owner == OUTPUT_FOREIGN ? "；确要替换请加 --force" : "");
	free(why);
	return true;
}

/* Who owns the file at an output path of r, for each kind of output. */
static enum output_owner owner_of(size_t kind, const char *path, const struct report *r,
				  const char *data, size_t len)
{
	switch (kind) {
	case RENDER_TEXT:
		return output_owner_text(path, r, data, len);
	case RENDER_PDF:
		return output_owner_pdf(path, r);
	case RENDER_HTML: {
		/* the page names its generator, and the report's title */
		char *title = report_title(r);
		const char *markers[] = {"<meta name=\"generator\" content=\"nianbao\">", title};
		enum output_owner owner = output_owner_bytes(path, data, len, markers, 2);
		free(title);
		return owner;
	}
	default:
		return output_owner_bytes(path, data, len, NULL, 0);
	}
}

static enum cli_status render_run(struct cli *cli, const struct cli_args *args)
{
	const char *text_path = args->values[RENDER_TEXT], *pdf_path = args->values[RENDER_PDF];
	const char *seal_path = args->values[RENDER_SEAL];
	const char *file = args->operands[0];
	const char *html_path = args->values[RENDER_HTML], *docx_path = args->values[RENDER_DOCX];
	const char *ofd_path = args->values[RENDER_OFD];
	bool force = args->values[RENDER_FORCE] != NULL;
	if (!text_path && !pdf_path && !html_path && !docx_path && !ofd_path)
		text_path = "-";
	/* an output is replaced, never the report or the seal it is made from */
	const char *inputs[] = {file, seal_path};
	const char *paths[] = {text_path, pdf_path, html_path, docx_path, ofd_path};
	static const size_t kinds[] = {RENDER_TEXT, RENDER_PDF, RENDER_HTML, RENDER_DOCX,
				       RENDER_OFD};
	enum { NOUTPUTS = sizeof kinds / sizeof kinds[0] };
	for (size_t i = 0; i < NOUTPUTS; i++)
		if (cli_refuse_own_input(cli, "render", paths[i], inputs, 2))
			return CLI_REFUSED;
	if (text_path && pdf_path &&
	    (strcmp(text_path, pdf_path) == 0 || cli_same_file(text_path, pdf_path)))
		return cli_usage_error(cli, &cmd_render, "--text 和 --pdf 不能写到同一个文件");
	static const char *const names[] = {"text", "pdf", "html", "docx", "ofd"};
	enum cli_status refused = CLI_OK;
	for (size_t i = 2; i < NOUTPUTS && refused == CLI_OK; i++)
		refused = render_check_output(cli, file, names[i], paths, i);
	char *page = html_path && refused == CLI_OK ? render_html_page(cli, html_path) : NULL;
	if (html_path && !page)
		refused = CLI_REFUSED;
	if (refused != CLI_OK)
		return refused;

	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry;
	struct report *r = report_load_file(file, cli->catalog, &entry, &diags);
	if (!r) {
		cli_print_diags(cli->err, file, &diags);
		diag_list_fini(&diags);
		free(page);
		return CLI_REFUSED;
	}
	enum cli_status status = CLI_OK;
	if (args->values[RENDER_FINAL]) {
		cli_print_diags(cli->err, file, &diags);
		if (!cli_final_check(cli, "render", file, entry, r)) {
			report_free(r);
			diag_list_fini(&diags);
			free(page);
			return CLI_BROKEN; /* nothing written */
		}
	} else {
		rules_diagnose(entry->rules, r, NULL, &diags);
		diag_list_sort(&diags);
		status = diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;
		cli_print_diags(cli->err, file, &diags);
	}

	/* every output is made before any is written, and none is written
	 * when one cannot be made or may not replace what is there: none is
	 * left newer than the others */
	char *data[NOUTPUTS] = {NULL};
	size_t len[NOUTPUTS] = {0};
	bool made = true;
	if (text_path)
		data[0] = render_text(r, &len[0]);
	if (pdf_path)
		made = (data[1] = cli_render_pdf(cli, "render", file, r, seal_path, &len[1]));
	if (made && html_path)
		data[2] = render_html(r, page, &len[2]);
	if (made && docx_path)
		made = (data[3] = render_make_docx(cli, r, docx_path, &len[3]));
	if (made && ofd_path)
		made = (data[4] = render_make_ofd(cli, file, r, ofd_path, &len[4]));
	bool kept = false;
	for (size_t i = 0; made && i < NOUTPUTS; i++)
		if (data[i] &&
		    refuse_output(cli, paths[i], owner_of(kinds[i], paths[i], r, data[i], len[i]),
				  force))
			kept = true;
	if (!made || kept) {
		fprintf(cli->err, "nianbao render: 没有写出任何文件\n");
		status = CLI_REFUSED;
	} else {
		for (size_t i = 0; i < NOUTPUTS; i++)
			if (data[i] && !cli_write_output(cli, "render", paths[i], data[i], len[i]))
				status = CLI_REFUSED;
	}
	for (size_t i = 0; i < NOUTPUTS; i++)
		free(data[i]);
	free(page);
	report_free(r);
	diag_list_fini(&diags);
	return status;
}
