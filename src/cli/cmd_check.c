/* nianbao check: load reports and run every rule, printing diagnostics
 * (text or one JSON object per file). */
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"
#include "utf8.h"

static enum cli_status check_run(struct cli *cli, const struct cli_args *args);

enum { CHECK_PREVIOUS, CHECK_FORMAT, CHECK_LIST_RULES, CHECK_FORM };

static const struct cli_option check_options[] = {
	[CHECK_PREVIOUS] = {"previous", 0, "上年文件",
			    "上年的报告，用于核对上年结转、现行有效件数，\n"
			    "以及与上年重复的正文和变化过大的数字\n"
			    "（报告文件，或已发布的文本：按 nianbao import 读取）"},
	[CHECK_FORMAT] = {"format", 0, "text|json",
			  "输出格式（默认 text：文件:行:列: 级别: 说明 [规则]）", .choice = true},
	[CHECK_LIST_RULES] = {"list-rules", 0, NULL,
			      "列出表格定义中的全部规则（编号、级别、检查什么），不检查文件"},
	[CHECK_FORM] = {"form", 0, "格式", "列出这一报告格式的规则（默认为最新的国家格式）",
			.needs = "list-rules"},
	{NULL},
};

const struct cli_command cmd_check = {
	.name = "check",
	.summary = "检查报告：数据能否读取，勾稽关系是否成立",
	.options = check_options,
	/* none with --list-rules; check_run asks for at least one otherwise */
	.operands = {"文件...", 0, CLI_MANY, "要写出至少一个报告文件"},
	.notes =
		"退出状态：0 没有错误（可以有警告）；1 有报告违反规则；2 有文件无法作为报告读取。\n",
	.run = check_run,
};

/* s as a JSON string, whole: quote and backslash escaped, control
 * characters as \u00XX, and a byte that is not UTF-8 (a file name can
 * hold any) as U+FFFD, so that the line is always valid UTF-8. */
static void json_string(struct buf *out, const char *s)
{
	size_t len = strlen(s);
	buf_addc(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		if (!valid)
			buf_adds(out, "\\ufffd");
		else if (c == '"' || c == '\\')
			buf_addf(out, "\\%c", c);
		else if (c == '\n')
			buf_adds(out, "\\n");
		else if (c == '\t')
			buf_adds(out, "\\t");
		else if (c < 0x20 || c == 0x7F)
			buf_addf(out, "\\u%04x", c);
		else
			buf_add(out, s + i, n);
		i += n;
	}
	buf_addc(out, '"');
}

static void print_json(FILE *fp, const char *file, const struct diag_list *diags)
{
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "{\"file\": ");
	json_string(&out, file);
	buf_addf(&out, ", \"valid\": %s, \"diagnostics\": [",
		 diag_list_has_errors(diags) ? "false" : "true");
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		buf_adds(&out, i ? ", {\"rule\": " : "{\"rule\": ");
		json_string(&out, d->rule);
		buf_addf(&out,
			 ", \"severity\": \"%s\", \"path\": ", diag_severity_name(d->severity));
		if (d->path)
			json_string(&out, d->path);
		else
			buf_adds(&out, "null");
		buf_addf(&out,
			 ", \"line\": %d, \"column\": %d, \"message\": ", d->line ? d->line : 1,
			 d->line ? d->column : 1);
		json_string(&out, d->message);
		buf_addc(&out, '}');
	}
	buf_adds(&out, "]}\n");
	fputs(out.data, fp);
	buf_fini(&out);
}

/* The severity and the condition a rule runs under, as the list shows them. */
static const char *rule_kind(const struct form_rule *rule)
{
	if (rule->needs_previous)
		return rule->warning ? "警告，需要 --previous" : "错误，需要 --previous";
	return rule->warning ? "警告" : "错误";
}

/* The rules of form, one a line: id, severity, meaning, in the order the
 * form defines them. */
static void print_rules(FILE *fp, const struct form *form)
{
	int width = 0;
	for (size_t i = 0; i < form->nrules; i++)
		if ((int)strlen(form->rules[i].id) > width)
			width = (int)strlen(form->rules[i].id);
	for (size_t i = 0; i < form->nrules; i++) {
		const struct form_rule *r = &form->rules[i];
		fprintf(fp, "%-*s  %-7s  %s%s\n", width, r->id, r->warning ? "warning" : "error",
			r->meaning ? r->meaning : "",
			r->needs_previous ? "（需要 --previous）" : "");
	}
}

/* s as roff text: a backslash starts an escape, and "-" would print as
 * a hyphen. */
static void roff_puts(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", fp);
		else if (*s == '-')
			fputs("\\-", fp);
		else
			fputc(*s, fp);
	}
}

void cli_write_rules_man(FILE *fp)
{
	struct catalog *catalog = catalog_new();
	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(catalog, catalog_default_id(catalog),
							&error);
	if (!entry)
		abort(); /* the built-in form always loads: its test says so */
	const struct form *form = entry->form;
	for (size_t i = 0; i < form->nrules; i++) {
		const struct form_rule *r = &form->rules[i];
		fprintf(fp, ".TP\n.B %s\n（", r->id);
		roff_puts(fp, rule_kind(r));
		fputs("）", fp);
		roff_puts(fp, r->meaning ? r->meaning : "");
		fputc('\n', fp);
	}
	catalog_free(catalog);
}

static enum cli_status list_rules(struct cli *cli, const struct cli_args *args)
{
	const char *form_id = args->values[CHECK_FORM];
	if (args->noperands)
		return cli_usage_error(cli, &cmd_check, "--list-rules 只列出规则，不检查文件“%s”",
				       args->operands[0]);
	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(
		cli->catalog, form_id ? form_id : catalog_default_id(cli->catalog), &error);
	if (!entry) {
		fprintf(cli->err, "nianbao check: %s\n", error);
		free(error);
		return CLI_REFUSED;
	}
	print_rules(cli->out, entry->form);
	return CLI_OK;
}

static enum cli_status check_run(struct cli *cli, const struct cli_args *args)
{
	if (args->values[CHECK_LIST_RULES])
		return list_rules(cli, args);
	if (!args->noperands)
		return cli_usage_error(cli, &cmd_check, "%s", cmd_check.operands.missing);
	const char *previous_path = args->values[CHECK_PREVIOUS];
	const char *format = args->values[CHECK_FORMAT];
	bool json = format && strcmp(format, "json") == 0;

	struct diag_list diags;
	diag_list_init(&diags);
	struct report *previous = NULL;
	const struct catalog_entry *previous_entry = NULL;
	if (previous_path) {
		bool guessed; /* a published text's guesses are printed; the check goes on */
		previous = cli_load_last_year(cli, "check", previous_path, &previous_entry,
					      &guessed);
		if (!previous) {
			fprintf(cli->err, "nianbao check: 上年报告 %s 无法读取\n", previous_path);
			diag_list_fini(&diags);
			return CLI_REFUSED;
		}
	}

	enum cli_status worst = CLI_OK;
	for (int i = 0; i < args->noperands; i++) {
		const char *file = args->operands[i];
		const struct catalog_entry *entry;
		enum cli_status status;
		diag_list_clear(&diags);
		struct report *r = report_load_file(file, cli->catalog, &entry, &diags);
		if (!r) {
			status = CLI_REFUSED;
		} else {
			bool comparable = previous && previous_entry == entry;
			if (previous && !comparable)
				diag_list_add(&diags, DIAG_WARNING, "carry.previous", NULL, 1, 1,
					      "上年报告的格式与本报告不同，没有做跨年核对");
			rules_diagnose(entry->rules, r, comparable ? previous : NULL, &diags);
			diag_list_sort(&diags);
			status = diag_list_has_errors(&diags) ? CLI_BROKEN : CLI_OK;
			report_free(r);
		}
		if (json)
			print_json(cli->out, file, &diags);
		else
			cli_print_diags(status == CLI_REFUSED ? cli->err : cli->out, file, &diags);
		if (status > worst)
			worst = status;
	}
	report_free(previous);
	diag_list_fini(&diags);
	return worst;
}
