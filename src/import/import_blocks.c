/* The blocks of a published report; see import_blocks.h. */
#include "import_blocks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

void import_blocks_init(struct import_blocks *b, const char *format)
{
	*b = (struct import_blocks){.format = format};
}

void import_blocks_fini(struct import_blocks *b)
{
	for (size_t i = 0; i < b->nblocks; i++) {
		struct import_block *block = &b->blocks[i];
		for (size_t r = 0; r < block->nrows; r++) {
			struct import_row *row = &block->rows[r];
			for (size_t c = 0; c < row->ncells; c++)
				free(row->cells[c].text);
			free(row->cells);
			free(row->text);
		}
		free(block->rows);
	}
	free(b->blocks);
	*b = (struct import_blocks){.format = b->format, .wrapped = b->wrapped};
}

struct import_block *import_blocks_add(struct import_blocks *b, enum import_block_kind kind)
{
	b->blocks = xgrow(b->blocks, &b->cap, b->nblocks + 1, sizeof *b->blocks);
	struct import_block *block = &b->blocks[b->nblocks++];
	*block = (struct import_block){.kind = kind};
	return block;
}

struct import_row *import_block_add_row(struct import_block *block, int number)
{
	block->rows = xgrow(block->rows, &block->cap, block->nrows + 1, sizeof *block->rows);
	struct import_row *row = &block->rows[block->nrows++];
	*row = (struct import_row){.text = xstrdup(""), .number = number, .column = 1};
	return row;
}

/* text[*from..*to) without the spaces around it. */
static void trim(const char *text, size_t *from, size_t *to)
{
	while (*from < *to) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(text + *from, *to - *from, &cp, &valid);
		if (!utf8_is_space(cp))
			break;
		*from += n;
	}
	*to = *from + utf8_trim_end(text + *from, *to - *from);
}

void import_row_set_text(struct import_row *row, const char *text, size_t len)
{
	size_t from = 0, to = len;
	trim(text, &from, &to);
	free(row->text);
	row->text = xstrndup(text + from, to - from);
}

void import_row_take_cell(struct import_row *row, char *text, int line, int column, size_t col)
{
	if (!*text) {
		free(text);
		return;
	}
	row->ncells_seen++;
	if (row->ncells == IMPORT_LINE_MAX_CELLS) {
		free(text);
		return;
	}
	size_t cap = row->ncells;
	row->cells = xgrow(row->cells, &cap, row->ncells + 1, sizeof *row->cells);
	row->cells[row->ncells++] = (struct import_cell){.text = text,
							 .line = line,
							 .column = column,
							 .numeric = import_cell_numeric(text),
							 .col = col,
							 .rowspan = 1,
							 .colspan = 1};
}

void import_row_add_cell(struct import_row *row, const char *text, size_t len, int line, int column,
			 size_t col, size_t rowspan, size_t colspan)
{
	size_t from = 0, to = len, before = row->ncells;
	trim(text, &from, &to);
	import_row_take_cell(row, xstrndup(text + from, to - from), line, column, col);
	if (row->ncells > before) {
		row->cells[before].rowspan = rowspan ? rowspan : 1;
		row->cells[before].colspan = colspan ? colspan : 1;
	}
}

char *import_pos_words(const struct import_pos *pos)
{
	struct buf b;
	buf_init(&b);
	if (pos->page)
		buf_addf(&b, "第%d页第%d行（距页顶 %d 毫米）", pos->page, pos->page_line,
			 pos->top_mm);
	if (pos->paragraph)
		buf_addf(&b, "第%d个段落", pos->paragraph);
	if (pos->table)
		buf_addf(&b, "第%d张表第%d行", pos->table, pos->row);
	if (pos->cell)
		buf_addf(&b, "第%d格", pos->cell);
	if (!b.len) {
		buf_fini(&b);
		return NULL;
	}
	return buf_take(&b);
}

char *import_pos_message(const struct import_pos *pos, const char *message)
{
	char *words = import_pos_words(pos);
	char *s = words ? xasprintf("%s：%s", words, message) : xstrdup(message);
	free(words);
	return s;
}

void import_blocks_set_pos(struct import_blocks *b, size_t first, const struct import_pos *pos)
{
	for (size_t i = first; i < b->nblocks; i++)
		for (size_t r = 0; r < b->blocks[i].nrows; r++) {
			struct import_row *row = &b->blocks[i].rows[r];
			row->pos = *pos;
			for (size_t c = 0; c < row->ncells; c++) {
				row->cells[c].pos = *pos;
				row->cells[c].pos.cell = row->ncells > 1 ? (int)c + 1 : 0;
			}
		}
}

void import_block_number_cells(struct import_block *block, int table)
{
	for (size_t r = 0; r < block->nrows; r++) {
		struct import_row *row = &block->rows[r];
		row->pos.table = table;
		row->pos.row = (int)r + 1;
		for (size_t c = 0; c < row->ncells; c++) {
			row->cells[c].pos.table = table;
			row->cells[c].pos.row = (int)r + 1;
			row->cells[c].pos.cell = (int)row->cells[c].col + 1;
		}
	}
}

void import_block_join_rows(struct import_block *block)
{
	for (size_t r = 0; r < block->nrows; r++) {
		struct import_row *row = &block->rows[r];
		struct buf b;
		buf_init(&b);
		for (size_t c = 0; c < row->ncells; c++) {
			if (c)
				buf_addc(&b, ' ');
			buf_adds(&b, row->cells[c].text);
		}
		free(row->text);
		row->text = buf_take(&b);
	}
}

size_t import_grid_place(struct import_grid *g, size_t colspan, size_t rowspan)
{
	colspan = colspan < 1			    ? 1
		  : colspan > IMPORT_LINE_MAX_CELLS ? IMPORT_LINE_MAX_CELLS
						    : colspan;
	rowspan = rowspan < 1 ? 1 : rowspan;
	size_t col = g->next;
	while (col < g->ncolumns && g->covered[col])
		col++;
	if (col + colspan > g->ncolumns) {
		size_t need = col + colspan;
		g->covered = xgrow(g->covered, &g->cap, need, sizeof *g->covered);
		for (size_t c = g->ncolumns; c < need; c++)
			g->covered[c] = 0;
		g->ncolumns = need;
	}
	for (size_t c = col; c < col + colspan; c++)
		g->covered[c] = rowspan;
	g->next = col + colspan;
	return col;
}

void import_grid_end_row(struct import_grid *g)
{
	for (size_t c = 0; c < g->ncolumns; c++)
		if (g->covered[c])
			g->covered[c]--;
	g->next = 0;
}

void import_grid_fini(struct import_grid *g)
{
	free(g->covered);
	*g = (struct import_grid){0};
}

bool import_cell_numeric(const char *s)
{
	size_t len = strlen(s), digits = 0;
	bool point = false, after_digit = false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		bool sign = cp == '-' || cp == '+' || cp == 0xFF0D || cp == 0x2212;
		bool dot = cp == '.' || cp == 0xFF0E, comma = cp == ',' || cp == 0xFF0C;
		if (utf8_digit_value(cp) >= 0) {
			digits++;
			after_digit = true;
		} else if (sign && i == 0) {
			after_digit = false;
		} else if ((dot && !point) || (comma && !point)) {
			if (!after_digit)
				return false;
			point = point || dot;
			after_digit = false;
		} else {
			return false;
		}
		i += n;
	}
	return digits > 0 && after_digit;
}

void import_rows_of(struct import_rows *rows, const struct import_blocks *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nblocks; i++)
		n += b->blocks[i].nrows;
	rows->at = xcalloc(n ? n : 1, sizeof *rows->at);
	rows->block = xcalloc(n ? n : 1, sizeof *rows->block);
	rows->n = 0;
	rows->wrapped = b->wrapped;
	for (size_t i = 0; i < b->nblocks; i++)
		for (size_t r = 0; r < b->blocks[i].nrows; r++) {
			if (b->blocks[i].rows[r].dropped)
				continue;
			rows->block[rows->n] = &b->blocks[i];
			rows->at[rows->n++] = &b->blocks[i].rows[r];
		}
}

void import_rows_fini(struct import_rows *rows)
{
	free(rows->at);
	free(rows->block);
	*rows = (struct import_rows){0};
}
