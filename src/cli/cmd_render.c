/* nianbao render: the standardized text, the PDF, the portal page, the Word
 * document and the OFD file of a report. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "font_roles.h"
#include "render_docx.h"
#include "render_html.h"
#include "render_ofd.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"

static enum cli_status render_run(struct cli *cli, const struct cli_args *args);

enum { RENDER_TEXT, RENDER_PDF, RENDER_SEAL, RENDER_HTML, RENDER_DOCX, RENDER_OFD };

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
	{NULL},
};

const struct cli_command cmd_render = {
	.name = "render",
	.summary = "把报告排成标准文本、PDF、网页、Word 文档或 OFD",
	.options = render_options,
	.operands = {"文件", 1, 1, "要写出一个报告文件", "只能写一个报告文件"},
	.notes =
		"输出文件如已存在会被替换（要么完整写成，要么保持原样）。报告违反勾稽关系时\n"
		"仍然输出，但在标准错误上列出问题，退出状态为 1。PDF 所用字体见 fonts/roles.conf；\n"
		"有字印不出来（字体里没有，或超出 U+FFFF）时不写 PDF，指出是哪个字、在哪里，\n"
		"退出状态为 2。设置了 SOURCE_DATE_EPOCH 时，同一报告每次生成的 PDF 完全相同。\n",
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

/* The portal page in template; false after printing why it was not written. */
static bool render_write_html(struct cli *cli, const struct report *r, const char *template,
			      const char *path)
{
	size_t len;
	char *html = render_html(r, template, &len);
	bool ok = cli_write_output(cli, "render", path, html, len);
	free(html);
	return ok;
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
 * false after printing why it was not written. */
static bool render_write_docx(struct cli *cli, const struct report *r, const char *path)
{
	struct font_roles roles;
	char *error = NULL;
	bool have_roles = font_roles_load(font_roles_dir(), &roles, &error) == 0;
	free(error);
	error = NULL;
	struct docx_fonts fonts = {0};
	if (have_roles) {
		fonts.title = family_of(&roles.primary[FONT_ROLE_TITLE]);
		fonts.heading = family_of(&roles.primary[FONT_ROLE_HEADING]);
		fonts.body = family_of(&roles.primary[FONT_ROLE_BODY]);
		fonts.table = family_of(&roles.primary[FONT_ROLE_TABLE]);
	}
	size_t len;
	char *docx = render_docx(r, &fonts, &len, &error);
	if (have_roles)
		font_roles_fini(&roles);
	if (!docx) {
		fprintf(cli->err, "nianbao render: %s；没有写出 %s\n", error, path);
		free(error);
		return false;
	}
	bool ok = cli_write_output(cli, "render", path, docx, len);
	free(docx);
	return ok;
}

/* The OFD file; false after printing why it was not written (characters
 * no font prints are named as for the PDF). */
static bool render_write_ofd(struct cli *cli, const char *file, const struct report *r,
			     const char *path)
{
	struct diag_list diags;
	diag_list_init(&diags);
	char *error = NULL;
	size_t len;
	char *ofd = render_ofd(r, NULL, &len, &diags, &error);
	if (!ofd) {
		cli_print_diags(cli->err, file, &diags);
		if (error)
			fprintf(cli->err, "nianbao render: %s\n", error);
		fprintf(cli->err, "nianbao render: 没有写出 %s\n", path);
	}
	bool ok = ofd && cli_write_output(cli, "render", path, ofd, len);
	free(ofd);
	free(error);
	diag_list_fini(&diags);
	return ok;
}

static enum cli_status render_run(struct cli *cli, const struct cli_args *args)
{
	const char *text_path = args->values[RENDER_TEXT], *pdf_path = args->values[RENDER_PDF];
	const char *seal_path = args->values[RENDER_SEAL];
	const char *file = args->operands[0];
	const char *html_path = args->values[RENDER_HTML], *docx_path = args->values[RENDER_DOCX];
	const char *ofd_path = args->values[RENDER_OFD];
	if (!text_path && !pdf_path && !html_path && !docx_path && !ofd_path)
		text_path = "-";
	/* the outputs added after --text and --pdf, each checked against those before it */
	const char *paths[] = {text_path, pdf_path, html_path, docx_path, ofd_path};
	static const char *const names[] = {"text", "pdf", "html", "docx", "ofd"};
	enum cli_status refused = CLI_OK;
	for (size_t i = 2; i < 5 && refused == CLI_OK; i++)
		refused = render_check_output(cli, file, names[i], paths, i);
	char *page = html_path && refused == CLI_OK ? render_html_page(cli, html_path) : NULL;
	if (html_path && !page)
		refused = CLI_REFUSED;
	if (refused != CLI_OK)
		return refused;
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
		free(page);
		return CLI_REFUSED;
	}
	rules_diagnose(entry->rules, r, NULL, &diags);
	diag_list_sort(&diags);
	enum cli_status status = diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;
	cli_print_diags(cli->err, file, &diags);

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
	if (status != CLI_REFUSED && html_path && !render_write_html(cli, r, page, html_path))
		status = CLI_REFUSED;
	if (status != CLI_REFUSED && docx_path && !render_write_docx(cli, r, docx_path))
		status = CLI_REFUSED;
	if (status != CLI_REFUSED && ofd_path && !render_write_ofd(cli, file, r, ofd_path))
		status = CLI_REFUSED;
	if (status != CLI_REFUSED && docx_path && !render_write_docx(cli, r, docx_path))
		status = CLI_REFUSED;
	if (status != CLI_REFUSED && ofd_path && !render_write_ofd(cli, file, r, ofd_path))
		status = CLI_REFUSED;
	free(text);
	free(pdf);
	free(page);
	report_free(r);
	diag_list_fini(&diags);
	return status;
}
