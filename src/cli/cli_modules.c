/* The modules the commands call (see module.h), each loaded the first
 * time a command needs it, with what its libraries' packages are called
 * for the message when it cannot be loaded; see cli.h. */
#include "cli.h"

#include <stdlib.h>

#include "docx_module.h"
#include "module.h"
#include "ofd_module.h"
#include "pdf_module.h"
#include "sign_module.h"
#include "tui_module.h"
#include "xlsx_module.h"

/* The Debian 12 packages of the PDF's libraries, which the form and the
 * OFD load too. */
#define PDF_PACKAGES \
	"libhpdf-2.3.0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 libpng16-16 libdeflate0"

static const struct module_spec pdf_spec = {"pdf", "pdf_module", "排版 PDF 文件", PDF_PACKAGES};
static const struct module_spec tui_spec = {"tui", "tui_module", "在终端中填写表单",
					    "libncursesw6 " PDF_PACKAGES};
static const struct module_spec sign_spec = {"sign", "sign_module", "签名和打印", "libssl3"};
static const struct module_spec docx_spec = {"docx", "docx_module", "写出 Word 文档",
					     "libxml2 libzip4"};
static const struct module_spec ofd_spec = {"ofd", "ofd_module", "写出 OFD 文件",
					    "libxml2 libzip4 " PDF_PACKAGES};
static const struct module_spec xlsx_spec = {"xlsx", "xlsx_module", "写出 XLSX 表格",
					     "libxlsxwriter4"};

/* The table of spec's module, or NULL after printing why not. */
static const void *cli_module(struct cli *cli, const char *command, const struct module_spec *spec)
{
	char *error = NULL;
	const void *table = module_load(spec, &error);
	if (!table) {
		fprintf(cli->err, "nianbao %s: %s\n", command, error);
		free(error);
	}
	return table;
}

const struct pdf_module *cli_pdf(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &pdf_spec);
}

const struct tui_module *cli_tui(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &tui_spec);
}

const struct sign_module *cli_sign(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &sign_spec);
}

const struct docx_module *cli_docx(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &docx_spec);
}

const struct ofd_module *cli_ofd(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &ofd_spec);
}

const struct xlsx_module *cli_xlsx(struct cli *cli, const char *command)
{
	return cli_module(cli, command, &xlsx_spec);
}
