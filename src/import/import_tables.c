/* Placing published table cells into the form's rows; see import_tables.h. */
#include "import_tables.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "form.h"
#include "import_label.h"
#include "import_blocks.h"
#include "report.h"
#include "value.h"
#include "xalloc.h"

/* Labels this much alike are the same row when it is the one expected next. */
#define LIKENESS_MIN 0.6
#define LIKENESS_MIN_CHARS 4

struct row_ref {
	size_t table, row;
	char *norm; /* owned normalized official label */
	bool group;
	bool filled;
};

struct placer {
	const struct form *f;
	struct report *r;
	struct diag_list *diags;
	struct row_ref *rows; /* every row of the section's tables, printed order */
	size_t nrows;
	size_t header_table;	  /* the table whose header was read, or FORM_NONE */
	size_t header_missing;	  /* a column its header lacks, or FORM_NONE */
	struct extra_row *extras; /* owned: rows with one number too many, read last */
	size_t nextras, extras_cap;
	bool failed;
};

/* A row with one number more than its table has columns.  Which column is
 * extra is decided once per table, from all such rows (extra_decide). */
struct extra_row {
	size_t ref;
	const struct import_cell **numbers; /* owned array of borrowed cells */
	size_t count;
	const struct import_cell *label;
};

static void say(struct placer *p, enum diag_severity severity, const char *rule, const char *path,
		const struct import_cell *at, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void say(struct placer *p, enum diag_severity severity, const char *rule, const char *path,
		const struct import_cell *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *message = xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	va_start(ap, fmt);
	vsnprintf(message, (size_t)(len < 0 ? 0 : len) + 1, fmt, ap);
	va_end(ap);
	char *placed = at ? import_pos_message(&at->pos, message) : message;
	diag_list_add(p->diags, severity, rule, path, at ? at->line : 0, at ? at->column : 0,
		      placed);
	if (placed != message)
		free(placed);
	free(message);
}

static const struct form_table *table_of(const struct placer *p, const struct row_ref *ref)
{
	return &p->f->tables[ref->table];
}

static const struct form_row *row_of(const struct placer *p, const struct row_ref *ref)
{
	return &table_of(p, ref)->rows[ref->row];
}

static size_t total_column(const struct form_column_set *cols)
{
	for (size_t c = 0; c < cols->ncolumns; c++)
		if (cols->columns[c].total)
			return c;
	return FORM_NONE;
}

/* An amount of ASCII digits with more decimals than the form keeps, rounded
 * half up to decimals places; NULL for anything else.  The caller frees it. */
static char *round_money(const char *text, int decimals)
{
	const char *point = strchr(text, '.');
	size_t len = strlen(text);
	if (!point || point == text || decimals < 0 ||
	    len - (size_t)(point - text) - 1 <= (size_t)decimals)
		return NULL;
	for (const char *c = text; *c; c++)
		if (c != point && (*c < '0' || *c > '9'))
			return NULL;
	/* the digits kept, then one carried in from the first one dropped */
	size_t whole = (size_t)(point - text), keep = whole + (size_t)decimals;
	char *digits = xmalloc(keep + 2);
	memcpy(digits + 1, text, whole);
	memcpy(digits + 1 + whole, point + 1, (size_t)decimals);
	digits[0] = '0';
	digits[keep + 1] = '\0';
	if (point[1 + decimals] >= '5')
		for (size_t i = keep; i > 0; i--) {
			if (digits[i] < '9') {
				digits[i]++;
				break;
			}
			digits[i] = '0';
			if (i == 1)
				digits[0] = '1';
		}
	const char *lead = digits[0] == '0' ? digits + 1 : digits;
	size_t lead_whole = whole + (lead == digits);
	char *out = xasprintf("%.*s.%s", (int)lead_whole, lead, lead + lead_whole);
	free(digits);
	return out;
}

static bool parse_value(struct placer *p, const struct row_ref *ref, enum form_value_type type,
			const struct import_cell *cell, int64_t *out)
{
	const struct form_type *ft = &p->f->types[type];
	const char *problem = NULL;
	size_t len = strlen(cell->text);
	char *rounded = type == FORM_MONEY ? round_money(cell->text, ft->decimals) : NULL;
	bool ok = type == FORM_MONEY ? value_parse_money(rounded ? rounded : cell->text,
							 rounded ? strlen(rounded) : len,
							 ft->decimals, ft->below, out, &problem)
				     : value_parse_count(cell->text, len, ft->max, out, &problem);
	if (ok && rounded)
		say(p, DIAG_WARNING, "import.round", p->f->cells[row_of(p, ref)->first_cell].path,
		    cell, "“%s”的金额 %s 多于 %d 位小数，按四舍五入记为 %s", row_of(p, ref)->label,
		    cell->text, ft->decimals, rounded);
	free(rounded);
	if (!ok) {
		say(p, DIAG_ERROR, ft->rule ? ft->rule : "import.value", NULL, cell,
		    "“%s”一行的“%s”不是有效的数值：%s", row_of(p, ref)->label, cell->text, problem);
		p->failed = true;
	}
	return ok;
}

static int64_t sum_except(const int64_t *v, size_t n, size_t skip)
{
	int64_t s = 0;
	for (size_t i = 0; i < n; i++)
		if (i != skip)
			s += v[i];
	return s;
}

/* Which of n = ncols + 1 numbers to leave out so that the total agrees;
 * FORM_NONE when none does.  *alike is set when every such choice gives
 * the same row. */
static size_t extra_number(const int64_t *v, size_t n, size_t total, bool *alike)
{
	size_t found = FORM_NONE;
	int64_t kept[64], first[64];
	*alike = true;
	for (size_t drop = 0; drop < n; drop++) {
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (i != drop)
				kept[k++] = v[i];
		if (kept[total] != sum_except(kept, k, total))
			continue;
		if (found == FORM_NONE) {
			found = drop;
			memcpy(first, kept, k * sizeof *kept);
		} else if (memcmp(first, kept, k * sizeof *kept) != 0) {
			*alike = false;
		}
	}
	return found;
}

/* Whether leaving out number drop of v[0..n) makes the total agree. */
static bool drop_agrees(const int64_t *v, size_t n, size_t total, size_t drop)
{
	int64_t kept[64] = {0};
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (i != drop)
			kept[k++] = v[i];
	return total != FORM_NONE && kept[total] == sum_except(kept, k, total);
}

/* Puts numbers[0..n) into the cells of row ref, mending one number too
 * many or too few; where is the cell a diagnostic points at.  drop is the
 * number the table's decision leaves out of a row with one too many, with
 * shared the count of such rows in the table; FORM_NONE to decide here. */
static void fill_row_dropping(struct placer *p, struct row_ref *ref,
			      const struct import_cell *const *numbers, size_t n,
			      const struct import_cell *where, size_t drop_decided, size_t shared)
{
	const struct form_table *t = table_of(p, ref);
	const struct form_row *row = row_of(p, ref);
	const struct form_column_set *cols = t->columns;
	size_t ncols = cols->ncolumns, tc = total_column(cols);
	if (n > ncols + 1 || ncols > 32) {
		say(p, DIAG_ERROR, "import.row", p->f->cells[row->first_cell].path, where,
		    "“%s”一行有 %zu 个数，而表格只有 %zu 列，无法读取", row->label, n, ncols);
		p->failed = true;
		return;
	}
	int64_t v[64], out[32] = {0};
	const struct import_cell *src[32] = {0};
	for (size_t i = 0; i < n; i++)
		if (!parse_value(p, ref, cols->columns[i < ncols ? i : ncols - 1].type, numbers[i],
				 &v[i]))
			return;
	const char *path = p->f->cells[row->first_cell].path;
	if (n == ncols) {
		for (size_t c = 0; c < ncols; c++) {
			out[c] = v[c];
			src[c] = numbers[c];
		}
	} else if (n == ncols + 1) {
		bool alike = true;
		size_t drop = tc == FORM_NONE ? FORM_NONE : extra_number(v, n, tc, &alike);
		bool agrees = drop != FORM_NONE;
		if (drop_decided != FORM_NONE) {
			drop = drop_decided;
			agrees = drop_agrees(v, n, tc, drop);
		}
		size_t skip = drop == FORM_NONE ? n - 1 : drop;
		for (size_t i = 0, c = 0; i < n; i++)
			if (i != skip) {
				out[c] = v[i];
				src[c++] = numbers[i];
			}
		if (drop == FORM_NONE)
			say(p, DIAG_ERROR, "import.extra", path, numbers[skip],
			    "“%s”一行有 %zu 个数，比表格的 %zu 列多一个%s：读了前 %zu 个，"
			    "最后一个数（%s）没有读取",
			    row->label, n, ncols, tc == FORM_NONE ? "" : "，去掉哪一个总计都对不上",
			    ncols, numbers[skip]->text);
		else if (!agrees)
			say(p, DIAG_WARNING, "import.extra", path, numbers[skip],
			    "“%s”一行有 %zu 个数，比表格的 %zu 列多一个：这张表有 %zu 行多一个数，"
			    "都去掉第 %zu 个；这一行去掉它（%s）后总计仍对不上，请核对",
			    row->label, n, ncols, shared, skip + 1, numbers[skip]->text);
		else
			say(p, DIAG_WARNING, "import.guess", path, numbers[drop],
			    "“%s”一行有 %zu 个数，比表格的 %zu 列多一个：去掉第 %zu 个数（%s）后总计等于各项之和，"
			    "按此读取%s",
			    row->label, n, ncols, drop + 1, numbers[drop]->text,
			    shared > 1 ? "（这张表多一个数的各行都去掉这一个）"
			    : alike    ? ""
				       : "（还有别的去法也相符，请核对）");
	} else if (n + 1 == ncols && ncols >= 2) {
		bool by_header = p->header_missing != FORM_NONE && p->header_table == ref->table;
		size_t missing = by_header ? p->header_missing : ncols - 1;
		for (size_t i = 0, c = 0; i < n; i++, c++) {
			if (c == missing)
				c++;
			out[c] = v[i];
			src[c] = numbers[i];
		}
		const char *how;
		if (missing == tc) {
			out[missing] = sum_except(out, ncols, missing);
			how = "取其余各列之和，为";
		} else if (tc != FORM_NONE && out[tc] >= sum_except(out, ncols, tc)) {
			out[missing] = out[tc] - sum_except(out, ncols, tc);
			how = "取总计减其余各列，为";
		} else {
			out[missing] = 0;
			how = "无法由总计推出，记为";
		}
		say(p, DIAG_WARNING, "import.guess", p->f->cells[row->first_cell + missing].path,
		    where,
		    "“%s”一行只有 %zu 个数（应为 %zu 个）：%s，按顺序读取其余各列，“%s”%s %" PRId64,
		    row->label, n, ncols, by_header ? "表头也缺少这一列" : "缺少的当作最后一列",
		    cols->columns[missing].label, how, out[missing]);
	} else {
		for (size_t c = 0; c < n; c++) {
			out[c] = v[c];
			src[c] = numbers[c];
		}
		say(p, DIAG_ERROR, "import.missing", path, where,
		    "“%s”一行只有 %zu 个数（应为 %zu 个）：按顺序读入前 %zu 列，从“%s”起各列记为 0，请核对",
		    row->label, n, ncols, n, cols->columns[n].label);
	}
	for (size_t c = 0; c < ncols; c++) {
		size_t cell = row->first_cell + c;
		p->r->numbers[cell] = out[c];
		const struct import_cell *at = src[c] ? src[c] : where;
		p->r->marks[cell] = (struct report_mark){at->line, at->column};
	}
	ref->filled = true;
}

static void fill_row(struct placer *p, struct row_ref *ref,
		     const struct import_cell *const *numbers, size_t n,
		     const struct import_cell *where)
{
	size_t ncols = table_of(p, ref)->columns->ncolumns;
	if (n != ncols + 1 || ncols > 32 || total_column(table_of(p, ref)->columns) == FORM_NONE) {
		fill_row_dropping(p, ref, numbers, n, where, FORM_NONE, 1);
		return;
	}
	/* one too many: read with the table's other such rows, at the end */
	p->extras = xgrow(p->extras, &p->extras_cap, p->nextras + 1, sizeof *p->extras);
	const struct import_cell **copy = xmalloc(n * sizeof *copy);
	memcpy(copy, numbers, n * sizeof *copy);
	p->extras[p->nextras++] = (struct extra_row){(size_t)(ref - p->rows), copy, n, where};
	ref->filled = true;
}

/* The number to leave out of every row of table with one too many: the
 * place that makes the most of them add up (the first of equals), or
 * FORM_NONE when none does; *shared is how many rows there are. */
static size_t extra_decide(const struct placer *p, size_t table, size_t *shared)
{
	size_t ncols = p->f->tables[table].columns->ncolumns;
	size_t tc = total_column(p->f->tables[table].columns);
	size_t votes[33] = {0};
	*shared = 0;
	for (size_t e = 0; e < p->nextras; e++) {
		const struct extra_row *x = &p->extras[e];
		if (p->rows[x->ref].table != table)
			continue;
		++*shared;
		int64_t v[33];
		bool ok = true;
		for (size_t i = 0; i < x->count && ok; i++) {
			const struct form_type *ft = &p->f->types[FORM_COUNT];
			const char *problem;
			ok = value_parse_count(x->numbers[i]->text, strlen(x->numbers[i]->text),
					       ft->max, &v[i], &problem);
		}
		for (size_t d = 0; ok && d <= ncols; d++)
			votes[d] += drop_agrees(v, x->count, tc, d);
	}
	size_t best = FORM_NONE;
	for (size_t d = 0; d <= ncols; d++)
		if (votes[d] && (best == FORM_NONE || votes[d] > votes[best]))
			best = d;
	return best;
}

static void read_extras(struct placer *p)
{
	for (size_t e = 0; e < p->nextras && !p->failed; e++) {
		struct extra_row *x = &p->extras[e];
		size_t table = p->rows[x->ref].table, shared;
		size_t drop = extra_decide(p, table, &shared);
		fill_row_dropping(p, &p->rows[x->ref], x->numbers, x->count, x->label,
				  shared > 1 ? drop : FORM_NONE, shared);
	}
	for (size_t e = 0; e < p->nextras; e++)
		free(p->extras[e].numbers);
	free(p->extras);
}

static size_t first_data_row_after(const struct placer *p, size_t cur)
{
	for (size_t i = cur == FORM_NONE ? 0 : cur + 1; i < p->nrows; i++)
		if (!p->rows[i].group && !p->rows[i].filled)
			return i;
	return FORM_NONE;
}

/* The row a published label names, or FORM_NONE; cur is the row being read. */
static size_t match_row(const struct placer *p, const char *norm, size_t cur, bool *unlike)
{
	*unlike = false;
	for (enum import_match want = IMPORT_MATCH_EXACT; want > IMPORT_MATCH_NONE; want--) {
		size_t best = FORM_NONE;
		int best_score = -1;
		for (size_t i = 0; i < p->nrows; i++) {
			if (import_label_match(norm, p->rows[i].norm) != want)
				continue;
			int score = (!p->rows[i].filled) * 2 + (cur == FORM_NONE || i > cur);
			if (score > best_score) {
				best = i;
				best_score = score;
			}
		}
		if (best != FORM_NONE)
			return best;
	}
	size_t next = first_data_row_after(p, cur);
	/* an unnumbered short label (其他) only as the row expected next */
	if (next != FORM_NONE && strcmp(norm, import_label_words(p->rows[next].norm)) == 0 &&
	    strcmp(norm, p->rows[next].norm) != 0 && cur != FORM_NONE)
		return next;
	if (next != FORM_NONE && import_label_length(norm) >= LIKENESS_MIN_CHARS &&
	    import_label_likeness(norm, p->rows[next].norm) >= LIKENESS_MIN) {
		*unlike = true;
		return next;
	}
	return FORM_NONE;
}

/* The numbers collected under the current row (or under none). */
struct pending {
	const struct import_cell **numbers; /* borrowed cells */
	size_t count, cap;
	size_t row;
	size_t group; /* the group whose label came last, when row is FORM_NONE */
	const struct import_cell *label;
};

/* The row under a label that names no row of the form. */
#define UNKNOWN_ROW ((size_t)-2)

/* The numbers printed on a group's own line, as the 2019 form printed
 * （六）其他处理 with no sub-rows: they go into its last sub-row ("3.其他"),
 * the others are 0, and the guess is said.  False when the group has no
 * sub-rows or one of them was read already. */
static bool fill_group(struct placer *p, struct pending *q)
{
	const struct row_ref *g = &p->rows[q->group];
	size_t last = FORM_NONE;
	for (size_t i = q->group + 1; i < p->nrows; i++) {
		const struct row_ref *ref = &p->rows[i];
		if (ref->table != g->table || row_of(p, ref)->parent != g->row)
			continue;
		if (ref->filled || ref->group)
			return false;
		last = i;
	}
	if (last == FORM_NONE)
		return false;
	const struct form_row *row = row_of(p, &p->rows[last]);
	say(p, DIAG_WARNING, "import.group", p->f->cells[row->first_cell].path, q->label,
	    "“%s”只印了一行、没有分项（2019 年的格式）：这一行的数记入“%s”，其余分项记为 0",
	    row_of(p, g)->label, row->label);
	for (size_t i = q->group + 1; i < last; i++) {
		struct row_ref *ref = &p->rows[i];
		if (ref->table != g->table || row_of(p, ref)->parent != g->row)
			continue;
		const struct form_row *zero = row_of(p, ref);
		for (size_t c = 0; c < table_of(p, ref)->columns->ncolumns; c++)
			p->r->marks[zero->first_cell + c] = (struct report_mark){q->label->line,
										 q->label->column};
		ref->filled = true;
	}
	fill_row(p, &p->rows[last], q->numbers, q->count, q->label);
	return true;
}

static void flush(struct placer *p, struct pending *q)
{
	if (q->count == 0)
		return;
	if (q->row == FORM_NONE && q->group != FORM_NONE && fill_group(p, q)) {
		q->count = 0;
		return;
	}
	if (q->row == UNKNOWN_ROW) {
		say(p, DIAG_ERROR, "import.unplaced", NULL, q->label,
		    "“%s”不是表格中任何一行的名称，其后的 %zu 个数没有读取", q->label->text,
		    q->count);
		if (q->count > 64)
			p->failed = true;
	} else if (q->row == FORM_NONE) {
		say(p, DIAG_ERROR, "import.unplaced", NULL, q->numbers[0],
		    "从这里起的 %zu 个数前面没有表格中的任何一行的名称，没有读取", q->count);
		if (q->count > 64)
			p->failed = true;
	} else if (p->rows[q->row].filled) {
		say(p, DIAG_WARNING, "import.guess", NULL, q->label,
		    "“%s”一行出现了两次，以第一次为准，这一次的 %zu 个数没有读取",
		    row_of(p, &p->rows[q->row])->label, q->count);
	} else {
		fill_row(p, &p->rows[q->row], q->numbers, q->count, q->label);
	}
	q->count = 0;
}

/* Which column the table's header lacks, when it names all but one. */
static void read_header(struct placer *p, size_t table, const struct import_cell *const *cells,
			size_t n)
{
	const struct form_column_set *cols = p->f->tables[table].columns;
	size_t missing = FORM_NONE, nmissing = 0;
	for (size_t c = 0; c < cols->ncolumns; c++) {
		char *label = import_label_normalize(cols->columns[c].label);
		bool found = false;
		for (size_t i = 0; i < n && !found; i++) {
			char *norm = import_label_normalize(cells[i]->text);
			found = strcmp(norm, label) == 0;
			free(norm);
		}
		free(label);
		if (!found) {
			missing = c;
			nmissing++;
		}
	}
	p->header_table = table;
	p->header_missing = nmissing == 1 && cols->ncolumns >= 3 ? missing : FORM_NONE;
}

static void read_rows(struct placer *p, const struct import_cell *const *cells, size_t n)
{
	struct pending q = {.row = FORM_NONE, .group = FORM_NONE};
	size_t last = FORM_NONE; /* the last row (or group) a label named */
	bool header_read = false;
	for (size_t i = 0; i < n && !p->failed; i++) {
		const struct import_cell *cell = cells[i];
		if (cell->numeric) {
			q.numbers = xgrow(q.numbers, &q.cap, q.count + 1, sizeof *q.numbers);
			q.numbers[q.count++] = cell;
			continue;
		}
		char *norm = import_label_normalize(cell->text);
		bool unlike;
		size_t m = match_row(p, norm, last, &unlike);
		free(norm);
		if (m == FORM_NONE) {
			/* a header, a title, or the rest of a wrapped label; but after a
			 * row with all its numbers, the label of a row the form lacks */
			if (q.row != FORM_NONE && q.row != UNKNOWN_ROW &&
			    q.count >= table_of(p, &p->rows[q.row])->columns->ncolumns) {
				flush(p, &q);
				q.row = UNKNOWN_ROW;
				q.label = cell;
			}
			continue;
		}
		flush(p, &q);
		if (!header_read && !p->rows[m].group) {
			read_header(p, p->rows[m].table, cells, i);
			header_read = true;
		}
		if (unlike)
			say(p, DIAG_WARNING, "import.guess", NULL, cell,
			    "“%s”不是正式的行名；按位置当作“%s”一行", cell->text,
			    row_of(p, &p->rows[m])->label);
		q.row = p->rows[m].group ? FORM_NONE : m;
		q.group = p->rows[m].group ? m : FORM_NONE;
		q.label = cell;
		last = m;
	}
	if (!p->failed)
		flush(p, &q);
	free(q.numbers);
}

/* A table printed as one row (rows becoming column groups) whose numbers
 * stand together, after the whole header: they fill its rows in order. */
static void read_one_row(struct placer *p, size_t table, const struct import_cell *const *numbers,
			 size_t n)
{
	const struct form_table *t = &p->f->tables[table];
	size_t ncols = t->columns->ncolumns, ndata = 0;
	for (size_t i = 0; i < p->nrows; i++)
		ndata += p->rows[i].table == table && !p->rows[i].group;
	if (n > ndata * ncols + 1) {
		say(p, DIAG_ERROR, "import.row", NULL, numbers[0],
		    "这张表有 %zu 个数，而表格只有 %zu 格，无法读取", n, ndata * ncols);
		p->failed = true;
		return;
	}
	size_t k = 0, at = 0;
	for (size_t i = 0; i < p->nrows && !p->failed; i++) {
		if (p->rows[i].table != table || p->rows[i].group)
			continue;
		size_t count = ++k == ndata ? n - at : (n - at < ncols ? n - at : ncols);
		if (count > 0)
			fill_row(p, &p->rows[i], numbers + at, count, numbers[at]);
		at += count;
	}
}

/* True when the section is one table printed as one row, and all its
 * numbers stand in one run. */
static bool one_row_layout(const struct placer *p, size_t table,
			   const struct import_cell *const *cells, size_t n, size_t *first,
			   size_t *count)
{
	if (table == FORM_NONE || !p->f->tables[table].print_one_row)
		return false;
	*count = 0;
	size_t runs = 0;
	for (size_t i = 0; i < n; i++) {
		if (!cells[i]->numeric)
			continue;
		if (i == 0 || !cells[i - 1]->numeric) {
			runs++;
			*first = i;
		}
		++*count;
	}
	return runs == 1;
}

bool import_tables_read(const struct form *f, size_t section,
			const struct import_cell *const *cells, size_t ncells, int heading_line,
			const struct import_pos *heading_pos, struct report *r,
			struct diag_list *diags)
{
	struct placer p = {.f = f,
			   .r = r,
			   .diags = diags,
			   .header_table = FORM_NONE,
			   .header_missing = FORM_NONE};
	size_t cap = 0, only_table = FORM_NONE, ntables = 0;
	const struct form_section *sec = &f->sections[section];
	for (size_t it = 0; it < sec->nitems; it++) {
		if (sec->items[it].kind != FORM_ITEM_TABLE)
			continue;
		size_t ti = sec->items[it].index;
		only_table = ntables++ ? FORM_NONE : ti;
		for (size_t ri = 0; ri < f->tables[ti].nrows; ri++) {
			p.rows = xgrow(p.rows, &cap, p.nrows + 1, sizeof *p.rows);
			p.rows[p.nrows++] = (struct row_ref){
				.table = ti,
				.row = ri,
				.norm = import_label_normalize(f->tables[ti].rows[ri].label),
				.group = f->tables[ti].rows[ri].group};
		}
	}
	size_t first, count;
	if (one_row_layout(&p, only_table, cells, ncells, &first, &count))
		read_one_row(&p, only_table, cells + first, count);
	else
		read_rows(&p, cells, ncells);
	read_extras(&p);
	for (size_t i = 0; i < p.nrows && !p.failed; i++) {
		if (p.rows[i].group || p.rows[i].filled)
			continue;
		const struct form_row *row = row_of(&p, &p.rows[i]);
		struct import_cell at = {.line = heading_line, .column = 1, .pos = *heading_pos};
		say(&p, DIAG_ERROR, "import.missing", f->cells[row->first_cell].path, &at,
		    "在“%s”这一部分找不到“%s”一行，各列记为 0，请核对", sec->heading, row->label);
	}
	for (size_t i = 0; i < p.nrows; i++)
		free(p.rows[i].norm);
	free(p.rows);
	return !p.failed;
}
