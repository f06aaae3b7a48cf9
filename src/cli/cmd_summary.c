/* nianbao summary: the reports of many offices in one table, for the
 * supervising office: one row per report (organ, year, what check counts,
 * every number of the form in a column of its own), and a total row; as
 * XLSX (numbers stay numbers) or CSV.  A file that cannot be loaded is a
 * row saying why, never the end of the summary. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"
#include "value.h"
#include "xalloc.h"
#include "xlsx_module.h"

static enum cli_status summary_run(struct cli *cli, const struct cli_args *args);

enum { SUMMARY_OUTPUT, SUMMARY_FORCE };

static const struct cli_option summary_options[] = {
	[SUMMARY_OUTPUT] = {"output", 'o', "汇总.xlsx|汇总.csv",
			    "写到这个文件，按扩展名写成 XLSX 或 CSV（“-”：CSV 到标准输出）",
			    .required = true},
	[SUMMARY_FORCE] = {"force", 0, NULL, "汇总文件已存在时替换它（默认拒绝）"},
	{NULL},
};

const struct cli_command cmd_summary = {
	.name = "summary",
	.summary = "汇总多份报告：每份一行，各项数字、错误和警告数，末行合计",
	.options = summary_options,
	.operands = {"文件或目录...", 1, CLI_MANY, "要写出至少一个报告文件或目录"},
	.notes =
		"目录按文件名顺序读取其中的 .yaml 和 .yml 文件。无法读取的文件也占一行，写明原因。\n"
		"错误和警告按 nianbao check 的方式计数。CSV 为 UTF-8（带 BOM，Excel 才能认出），\n"
		"以 = + - @ 开头的文字前加 '，免得表格软件当作公式。\n"
		"退出状态：0 已写出，各报告都没有错误；1 已写出，但有报告有错误或无法读取；\n"
		"2 用法错误或无法写出。\n",
	.run = summary_run,
};

/* The columns before the form's numbers. */
enum { COL_FILE, COL_ORGAN, COL_YEAR, COL_ERRORS, COL_WARNINGS, COL_NOTE, FIXED_COLUMNS };

static const char *const fixed_headers[FIXED_COLUMNS] = {
	[COL_FILE] = "文件",	 [COL_ORGAN] = "发布机关",  [COL_YEAR] = "报告年度",
	[COL_ERRORS] = "错误数", [COL_WARNINGS] = "警告数", [COL_NOTE] = "说明",
};

struct summary {
	const struct form *form; /* whose numbers are the columns */
	size_t *cells;		 /* the form's number cells, in printed order */
	size_t ncells, ncolumns;
	struct xlsx_cell *grid; /* nrows x ncolumns, grows */
	size_t nrows, cap;
	char **strings; /* owned texts the grid points to */
	size_t nstrings, strings_cap;
	int64_t *totals; /* per number cell */
	long long errors, warnings;
	size_t reports, unloaded;
};

static const char *summary_keep(struct summary *s, char *text)
{
	s->strings = xgrow(s->strings, &s->strings_cap, s->nstrings + 1, sizeof *s->strings);
	s->strings[s->nstrings++] = text;
	return text;
}

static struct xlsx_cell *summary_add_row(struct summary *s)
{
	s->grid = xgrow(s->grid, &s->cap, (s->nrows + 1) * s->ncolumns, sizeof *s->grid);
	struct xlsx_cell *row = &s->grid[s->nrows++ * s->ncolumns];
	memset(row, 0, s->ncolumns * sizeof *row);
	return row;
}

static void set_text(struct xlsx_cell *cell, const char *text)
{
	*cell = (struct xlsx_cell){.kind = XLSX_TEXT, .text = text};
}

static void set_number(struct xlsx_cell *cell, int64_t n, int decimals)
{
	*cell = (struct xlsx_cell){.kind = XLSX_NUMBER, .number = n, .decimals = decimals};
}

static int cell_decimals(const struct form *f, size_t cell)
{
	return f->cells[cell].type == FORM_MONEY ? f->types[FORM_MONEY].decimals : 0;
}

/* The columns: the fixed ones, then every number cell of the form, headed
 * by its official label (which names its table row and column). */
static void summary_init(struct summary *s, const struct form *f)
{
	memset(s, 0, sizeof *s);
	s->form = f;
	s->cells = xcalloc(f->ncells ? f->ncells : 1, sizeof *s->cells);
	for (size_t i = 0; i < f->ncells; i++)
		if (f->cells[i].type != FORM_TEXT)
			s->cells[s->ncells++] = i;
	s->ncolumns = FIXED_COLUMNS + s->ncells;
	s->totals = xcalloc(s->ncells ? s->ncells : 1, sizeof *s->totals);
	struct xlsx_cell *header = summary_add_row(s);
	for (size_t c = 0; c < FIXED_COLUMNS; c++)
		set_text(&header[c], fixed_headers[c]);
	for (size_t k = 0; k < s->ncells; k++) {
		const struct form_cell *cell = &f->cells[s->cells[k]];
		const char *unit = f->types[cell->type].unit;
		/* a one-column row's label has no column: say the unit of an amount */
		set_text(&header[FIXED_COLUMNS + k],
			 cell->type == FORM_MONEY && unit && !strstr(cell->label, unit)
				 ? summary_keep(s, xasprintf("%s（%s）", cell->label, unit))
				 : cell->label);
	}
}

static void summary_fini(struct summary *s)
{
	for (size_t i = 0; i < s->nstrings; i++)
		free(s->strings[i]);
	free(s->strings);
	free(s->grid);
	free(s->cells);
	free(s->totals);
}

static const char *first_error(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		if (diags->items[i].severity == DIAG_ERROR)
			return diags->items[i].message;
	return diags->count ? diags->items[0].message : "";
}

/* One report's row; the diagnostics are counted as check counts them.
 * Returns the status check would give it. */
static enum cli_status summary_add_file(struct summary *s, struct cli *cli, const char *file,
					struct diag_list *diags)
{
	const struct catalog_entry *entry;
	diag_list_clear(diags);
	struct report *r = report_load_file(file, cli->catalog, &entry, diags);
	struct xlsx_cell *row = summary_add_row(s);
	set_text(&row[COL_FILE], summary_keep(s, xstrdup(file)));
	s->reports++;
	enum cli_status status = CLI_REFUSED;
	if (r)
		rules_diagnose(entry->rules, r, NULL, diags);
	long long errors = 0, warnings = 0;
	for (size_t i = 0; i < diags->count; i++)
		*(diags->items[i].severity == DIAG_ERROR ? &errors : &warnings) += 1;
	set_number(&row[COL_ERRORS], errors, 0);
	set_number(&row[COL_WARNINGS], warnings, 0);
	s->errors += errors;
	s->warnings += warnings;
	if (!r) {
		s->unloaded++;
		set_text(&row[COL_NOTE],
			 summary_keep(s, xasprintf("无法读取：%s", first_error(diags))));
		return CLI_REFUSED;
	}
	set_text(&row[COL_ORGAN], summary_keep(s, xstrdup(r->organ)));
	set_number(&row[COL_YEAR], r->year, 0);
	if (r->form != s->form) {
		set_text(&row[COL_NOTE], summary_keep(s, xasprintf("报告格式 %s 与汇总表的格式 "
								   "%s 不同，数字没有汇总",
								   r->form->id, s->form->id)));
	} else {
		for (size_t k = 0; k < s->ncells; k++) {
			size_t cell = s->cells[k];
			set_number(&row[FIXED_COLUMNS + k], r->numbers[cell],
				   cell_decimals(s->form, cell));
			s->totals[k] += r->numbers[cell];
		}
	}
	status = errors ? CLI_BROKEN : CLI_OK;
	report_free(r);
	return status;
}

static void summary_add_totals(struct summary *s)
{
	struct xlsx_cell *row = summary_add_row(s);
	set_text(&row[COL_FILE], "合计");
	set_text(&row[COL_ORGAN], summary_keep(s, xasprintf("%zu 份报告", s->reports)));
	set_number(&row[COL_ERRORS], s->errors, 0);
	set_number(&row[COL_WARNINGS], s->warnings, 0);
	if (s->unloaded)
		set_text(
			&row[COL_NOTE],
			summary_keep(s, xasprintf("其中 %zu 份无法读取，未计入合计", s->unloaded)));
	for (size_t k = 0; k < s->ncells; k++)
		set_number(&row[FIXED_COLUMNS + k], s->totals[k],
			   cell_decimals(s->form, s->cells[k]));
}

/* A CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break; a text a spreadsheet would take for a formula gets a leading '. */
static void csv_field(struct buf *out, const struct xlsx_cell *cell)
{
	if (cell->kind == XLSX_NUMBER) {
		char num[32];
		if (cell->decimals == 4)
			value_format_money(cell->number, num);
		else
			snprintf(num, sizeof num, "%lld", (long long)cell->number);
		buf_adds(out, num);
		return;
	}
	if (cell->kind != XLSX_TEXT)
		return;
	const char *t = cell->text;
	bool formula = strchr("=+-@", t[0]) && t[0];
	bool quote = formula || strpbrk(t, ",\"\r\n") != NULL;
	if (quote)
		buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	for (; *t; t++) {
		if (*t == '"')
			buf_addc(out, '"');
		buf_addc(out, *t);
	}
	if (quote)
		buf_addc(out, '"');
}

static char *summary_csv(const struct summary *s, size_t *len)
{
	struct buf out;
	buf_init(&out);
	buf_adds(&out, "\xEF\xBB\xBF"); /* the BOM by which Excel knows UTF-8 */
	for (size_t r = 0; r < s->nrows; r++) {
		for (size_t c = 0; c < s->ncolumns; c++) {
			if (c)
				buf_addc(&out, ',');
			csv_field(&out, &s->grid[r * s->ncolumns + c]);
		}
		buf_adds(&out, "\r\n");
	}
	*len = out.len;
	return buf_take(&out);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_report_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && ((n > 5 && strcasecmp(name + n - 5, ".yaml") == 0) ||
				  (n > 4 && strcasecmp(name + n - 4, ".yml") == 0));
}

/* The report files of a directory, by name; NULL when it cannot be read. */
static char **directory_files(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_report_name(e->d_name))
			continue;
		names = xgrow(names, &cap, n + 1, sizeof *names);
		size_t dl = strlen(dir);
		names[n++] = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
				       e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, compare_names);
	*count = n;
	return names ? names : xcalloc(1, sizeof *names);
}

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && strcasecmp(s + n - k, suffix) == 0;
}

/* The XLSX's creation time: SOURCE_DATE_EPOCH for the same bytes each
 * time, else now. */
static long long creation_time(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v = epoch && *epoch ? strtoll(epoch, &end, 10) : -1;
	return v >= 0 && !*end ? v : (long long)time(NULL);
}

/* The first of files that is output itself, or NULL. */
static const char *input_named(char **files, size_t n, const char *output)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(files[i], output) == 0 || cli_same_file(files[i], output))
			return files[i];
	return NULL;
}

static enum cli_status summary_run(struct cli *cli, const struct cli_args *args)
{
	const char *output = args->values[SUMMARY_OUTPUT];
	bool force = args->values[SUMMARY_FORCE] != NULL;
	bool xlsx = ends_with(output, ".xlsx");
	if (!xlsx && strcmp(output, "-") != 0 && !ends_with(output, ".csv"))
		return cli_usage_error(
			cli, &cmd_summary,
			"汇总文件要以 .xlsx 或 .csv 结尾（或用“-”写 CSV 到标准输出）");

	/* the files, directories opened into theirs */
	char **files = NULL;
	size_t nfiles = 0, cap = 0;
	enum cli_status worst = CLI_OK;
	for (int i = 0; i < args->noperands; i++) {
		const char *operand = args->operands[i];
		size_t n = 1;
		char **found = NULL;
		if (is_directory(operand)) {
			found = directory_files(operand, &n);
			if (!found) {
				fprintf(cli->err, "nianbao summary: 无法读取目录 %s：%s\n", operand,
					strerror(errno));
				worst = CLI_REFUSED;
				continue;
			}
			if (!n)
				fprintf(cli->err,
					"nianbao summary: 目录 %s 里没有 .yaml 报告文件\n",
					operand);
		}
		files = xgrow(files, &cap, nfiles + n, sizeof *files);
		for (size_t k = 0; k < n; k++)
			files[nfiles++] = found ? found[k] : xstrdup(operand);
		free(found);
	}
	const char *clash = strcmp(output, "-") ? input_named(files, nfiles, output) : NULL;
	enum cli_status status = CLI_REFUSED;
	char *data = NULL;
	size_t len = 0;
	struct summary s = {0};
	struct diag_list diags;
	diag_list_init(&diags);
	if (worst == CLI_REFUSED)
		goto done;
	if (clash) {
		fprintf(cli->err, "nianbao summary: %s 是要汇总的报告，不能用汇总表替换它\n",
			clash);
		goto done;
	}
	if (cli_refuse_existing(cli, "summary", output, force))
		goto done;

	char *error = NULL;
	const struct catalog_entry *entry = catalog_get(cli->catalog,
							catalog_default_id(cli->catalog), &error);
	if (!entry) {
		fprintf(cli->err, "nianbao summary: %s\n", error);
		free(error);
		goto done;
	}
	const struct xlsx_module *writer = NULL;
	if (xlsx && !(writer = cli_xlsx(cli, "summary")))
		goto done;
	summary_init(&s, entry->form);
	for (size_t i = 0; i < nfiles; i++) {
		enum cli_status st = summary_add_file(&s, cli, files[i], &diags);
		if (st > worst)
			worst = st;
	}
	summary_add_totals(&s);
	if (xlsx) {
		struct xlsx_sheet sheet = {.name = "汇总",
					   .cells = s.grid,
					   .nrows = s.nrows,
					   .ncolumns = s.ncolumns,
					   .frozen_columns = COL_ORGAN + 1,
					   .bold_row = s.nrows - 1};
		data = writer->write(&sheet, creation_time(), &len, &error);
		if (!data) {
			fprintf(cli->err, "nianbao summary: %s\n", error);
			free(error);
			goto done;
		}
	} else {
		data = summary_csv(&s, &len);
	}
	if (cli_write_output(cli, "summary", output, data, len))
		status = worst > CLI_BROKEN ? CLI_BROKEN : worst;
done:
	free(data);
	summary_fini(&s);
	diag_list_fini(&diags);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	free(files);
	return status;
}
