/* Typing a number into a cell: digits (fullwidth ones too) and, in an
 * amount, one decimal point; a character that would make the value
 * invalid or too large is refused, keeping what was typed. */
#include "tui_number.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "report.h"
#include "session.h"
#include "tui_cursor.h"
#include "tui_message.h"
#include "tui_undo.h"
#include "utf8.h"
#include "value.h"

void tui_number_start(struct tui *t, bool keep)
{
	size_t cell = tui_cursor_cell(t);
	t->number_editing = true;
	t->number_before = t->session->report->numbers[cell];
	buf_clear(&t->number);
	if (keep) {
		char text[32];
		if (t->form->cells[cell].type == FORM_MONEY)
			value_format_money(t->number_before, text);
		else
			snprintf(text, sizeof text, "%" PRId64, t->number_before);
		buf_adds(&t->number, text);
	}
}

/* The value of what was typed into cell; "12." is 12 while its decimals
 * are being typed, and nothing typed is 0.  False when it is not a value
 * of the cell's type (too large, too many decimals). */
static bool typed_value(const struct tui *t, size_t cell, const struct buf *typed, int64_t *value)
{
	const struct form_type *type = &t->form->types[t->form->cells[cell].type];
	const char *problem;
	size_t len = typed->len;
	if (len && typed->data[len - 1] == '.')
		len--;
	*value = 0;
	if (!len)
		return true;
	return t->form->cells[cell].type == FORM_MONEY
		       ? value_parse_money(typed->data, len, type->decimals, type->below, value,
					   &problem)
		       : value_parse_count(typed->data, len, type->max, value, &problem);
}

enum tui_reaction tui_number_apply(struct tui *t)
{
	size_t cell = tui_cursor_cell(t);
	int64_t value;
	if (!typed_value(t, cell, &t->number, &value))
		return TUI_REDRAW;
	if (value != t->session->report->numbers[cell]) {
		tui_undo_record(t, cell, TUI_UNDO_TYPING);
		session_set_number(t->session, cell, value);
		/* a value changed is suspect when a sum breaks; a first value
		 * typed into an empty cell is not yet (the rest is still to fill) */
		t->last_cell = t->number_before != 0 ? cell : SIZE_MAX;
	}
	return TUI_EDITED;
}

enum tui_reaction tui_number_type(struct tui *t, uint32_t cp, bool *refused)
{
	size_t cell = tui_cursor_cell(t);
	const struct form_type *type = &t->form->types[t->form->cells[cell].type];
	bool money = t->form->cells[cell].type == FORM_MONEY;
	int digit = utf8_digit_value(cp);
	char c;
	*refused = true;
	if (digit >= 0)
		c = (char)('0' + digit);
	else if (money && (cp == '.' || cp == 0xFF0E || cp == 0x3002))
		c = '.';
	else {
		if (money)
			tui_message(t, TUI_MESSAGE_ERROR, "这一格只能填金额（数字和小数点）");
		else
			tui_message(t, TUI_MESSAGE_ERROR,
				    "这一格只能填数字（0 到 %" PRId64 " 的整数）", type->max);
		return TUI_REDRAW;
	}
	if (!t->number_editing)
		tui_number_start(t, false);
	struct buf *b = &t->number;
	const char *point = strchr(b->data, '.');
	if (c == '.' && point) {
		tui_message(t, TUI_MESSAGE_ERROR, "已经有小数点了");
		return TUI_REDRAW;
	}
	if (point && c != '.' && strlen(point + 1) >= (size_t)type->decimals) {
		tui_message(t, TUI_MESSAGE_ERROR, "金额最多 %d 位小数", type->decimals);
		return TUI_REDRAW;
	}
	if (b->len == 1 && b->data[0] == '0' && c != '.')
		buf_clear(b); /* no leading zero: typing 5 over 0 gives 5 */
	if (c == '.' && b->len == 0)
		buf_addc(b, '0');
	buf_addc(b, c);
	/* refuse a digit that would go over the limit, keeping what was typed */
	int64_t v;
	if (!typed_value(t, cell, b, &v)) {
		b->len--;
		b->data[b->len] = '\0';
		if (money)
			tui_message(t, TUI_MESSAGE_ERROR, "金额太大：应小于 %" PRId64 " %s",
				    type->below, type->unit ? type->unit : "");
		else
			tui_message(t, TUI_MESSAGE_ERROR, "数字太大：最大为 %" PRId64, type->max);
		return TUI_REDRAW;
	}
	*refused = false;
	return tui_number_apply(t);
}

enum tui_reaction tui_number_cancel(struct tui *t)
{
	size_t cell = tui_cursor_cell(t);
	t->number_editing = false;
	buf_clear(&t->number);
	if (t->session->report->numbers[cell] != t->number_before) {
		session_set_number(t->session, cell, t->number_before);
		tui_message(t, TUI_MESSAGE_INFO, "已取消本次输入");
		return TUI_EDITED;
	}
	return TUI_REDRAW;
}
