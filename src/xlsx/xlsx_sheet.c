/* The XLSX writer: libxlsxwriter writes only to a named file, so the
 * workbook goes to a temporary file, is read back and removed; the caller
 * then writes the bytes where they belong (atomically).  Only this layer
 * links libxlsxwriter. */
#include "xlsx_sheet.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "file_read.h"
#include "xalloc.h"

#define MAX_DECIMALS 6
#define XLSX_MAX_SIZE ((size_t)1 << 30)

/* The number formats by decimals, made once per workbook. */
struct formats {
	lxw_format *number[2][MAX_DECIMALS + 1]; /* [bold][decimals] */
	lxw_format *text[2];
};

static lxw_format *number_format(lxw_workbook *wb, struct formats *f, bool bold, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > MAX_DECIMALS)
		decimals = MAX_DECIMALS;
	if (!f->number[bold][decimals]) {
		char pattern[16] = "0";
		if (decimals) {
			pattern[1] = '.';
			memset(pattern + 2, '0', (size_t)decimals);
			pattern[2 + decimals] = '\0';
		}
		lxw_format *fmt = workbook_add_format(wb);
		format_set_num_format(fmt, pattern);
		if (bold)
			format_set_bold(fmt);
		f->number[bold][decimals] = fmt;
	}
	return f->number[bold][decimals];
}

static double scaled_value(int64_t n, int decimals)
{
	double v = (double)n;
	for (int i = 0; i < decimals; i++)
		v /= 10;
	return v;
}

static lxw_error write_cells(lxw_workbook *wb, lxw_worksheet *ws, const struct xlsx_sheet *sheet)
{
	struct formats f = {0};
	for (int b = 0; b < 2; b++) {
		f.text[b] = workbook_add_format(wb);
		if (b)
			format_set_bold(f.text[b]);
	}
	for (size_t r = 0; r < sheet->nrows; r++) {
		bool bold = r == 0 || (sheet->bold_row && r == sheet->bold_row);
		for (size_t c = 0; c < sheet->ncolumns; c++) {
			const struct xlsx_cell *cell = &sheet->cells[r * sheet->ncolumns + c];
			lxw_error e = LXW_NO_ERROR;
			if (cell->kind == XLSX_TEXT)
				e = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c,
							   cell->text, f.text[bold]);
			else if (cell->kind == XLSX_NUMBER)
				e = worksheet_write_number(
					ws, (lxw_row_t)r, (lxw_col_t)c,
					scaled_value(cell->number, cell->decimals),
					number_format(wb, &f, bold, cell->decimals));
			if (e != LXW_NO_ERROR)
				return e;
		}
	}
	if (sheet->nrows > 1 || sheet->frozen_columns)
		worksheet_freeze_panes(ws, 1, (lxw_col_t)sheet->frozen_columns);
	for (size_t c = 0; c < sheet->ncolumns; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     c < sheet->frozen_columns ? 28 : 14, NULL);
	return LXW_NO_ERROR;
}

char *xlsx_sheet_write(const struct xlsx_sheet *sheet, long long created, size_t *len, char **error)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/nianbao-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		*error = xasprintf("无法建立临时文件 %s：%s", path, strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	char *data = NULL;
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, sheet->name) : NULL;
	if (!ws) {
		*error = xstrdup("无法建立 XLSX 工作簿");
		if (wb)
			workbook_close(wb);
		goto done;
	}
	lxw_doc_properties props = {.created = (time_t)created};
	workbook_set_properties(wb, &props);
	lxw_error e = write_cells(wb, ws, sheet);
	lxw_error closed = workbook_close(wb);
	if (e == LXW_NO_ERROR)
		e = closed;
	if (e != LXW_NO_ERROR) {
		*error = xasprintf("无法写出 XLSX：%s", lxw_strerror(e));
		goto done;
	}
	struct file_read_error why;
	data = file_read(path, XLSX_MAX_SIZE, 0, len, &why);
	if (!data)
		*error = xasprintf("无法读回临时文件 %s：%s", path, file_read_why(&why));
done:
	unlink(path);
	free(path);
	return data;
}
