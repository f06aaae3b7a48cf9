/* The help screen (F1): every key of the form. */
#include "tui_help.h"

#include <curses.h>
#include <stddef.h>
#include <stdio.h>

#include "tui_area.h"
#include "tui_put.h"
#include "tui_style.h"

static const char *const help_lines[] = {
	"【在各部分之间】",
	"  Esc                 回到左边的目录；正在输入数字时，取消本次输入",
	"  ↑ ↓  Enter  →       在目录中选择部分，Enter 或 → 进入",
	"  Ctrl-N  Ctrl-P      直接到下一个 / 上一个部分",
	"【表格】",
	"  方向键              移动到上下左右的格子",
	"  Tab  Shift-Tab      下一格 / 上一格；到本部分末尾后进入下一部分",
	"  数字                填写当前格（全角数字也可以），Enter 确定并下移",
	"  Backspace           删去最后一位",
	"  Delete              把当前格清零",
	"  PgUp  PgDn          上下翻页",
	"  Home  End           到本行第一格 / 最后一格",
	"                      合计格（青色）随各项自动计算；导入的合计与各项",
	"                      不符时显示为红色，不会被悄悄改掉",
	"【文字部分】",
	"  直接输入            可以用中文输入法，也可以粘贴；Enter 换段",
	"  方向键  Home  End   移动光标；PgUp PgDn 翻页",
	"  Ctrl-E  F4          用外部编辑器（$EDITOR）编辑这段文字",
	"  Tab  Shift-Tab      离开文字，到下一项 / 上一项",
	"【基本信息】",
	"  Enter               修改发布机关、报告年度、成文日期",
	"  空格                切换草稿标记",
	"【任何时候】",
	"  F2  Ctrl-S          保存（原文件要么完整替换，要么保持原样）",
	"  F5                  生成标准文本和 PDF（与报告文件同名的 .txt、.pdf）",
	"  F1                  本帮助",
	"  F10  Ctrl-Q         退出（有未保存的修改时会询问）",
	"  Ctrl-L              重画整个屏幕（显示错乱时）",
	"",
	"每次修改后，未保存的内容都会写入报告旁边的隐藏恢复文件；",
	"程序意外退出后再次打开同一个报告，会询问是否恢复。",
};

#define HELP_LINES (sizeof help_lines / sizeof help_lines[0])

/* Lines of help that fit under its title. */
static size_t help_room(const struct tui *t)
{
	int room = tui_area_body_height(t) - 2;
	return room > 1 ? (size_t)room : 1;
}

static size_t help_last_scroll(const struct tui *t)
{
	return HELP_LINES > help_room(t) ? HELP_LINES - help_room(t) : 0;
}

void tui_help_layout(struct tui *t)
{
	size_t last = help_last_scroll(t);
	if (t->help_scroll > last)
		t->help_scroll = last; /* after a resize */
}

void tui_help_draw(struct tui *t)
{
	size_t room = help_room(t), last = help_last_scroll(t);
	tui_style(t, TUI_STYLE_HEADING);
	int used = tui_put(tui_area_body_top(t), 2, "帮助：年报编辑的按键", t->cols - 4);
	tui_style(t, TUI_STYLE_DIM);
	if (last > 0) {
		char where[64];
		snprintf(where, sizeof where, "（第 %zu–%zu 行，共 %zu 行）", t->help_scroll + 1,
			 t->help_scroll + room < HELP_LINES ? t->help_scroll + room : HELP_LINES,
			 HELP_LINES);
		tui_put(tui_area_body_top(t), 3 + used, where, t->cols - used - 5);
	}
	tui_style(t, TUI_STYLE_NORMAL);
	for (size_t i = 0; i < room && t->help_scroll + i < HELP_LINES; i++)
		tui_put(tui_area_body_top(t) + 2 + (int)i, 2, help_lines[t->help_scroll + i],
			t->cols - 4);
}

enum tui_reaction tui_help_key(struct tui *t, struct tui_key key)
{
	size_t last = help_last_scroll(t), room = help_room(t);
	if (key.function) {
		switch (key.code) {
		case KEY_DOWN:
			t->help_scroll = t->help_scroll < last ? t->help_scroll + 1 : last;
			return TUI_REDRAW;
		case KEY_UP:
			t->help_scroll = t->help_scroll > 0 ? t->help_scroll - 1 : 0;
			return TUI_REDRAW;
		case KEY_NPAGE:
			t->help_scroll = t->help_scroll + room < last ? t->help_scroll + room
								      : last;
			return TUI_REDRAW;
		case KEY_PPAGE:
			t->help_scroll = t->help_scroll > room ? t->help_scroll - room : 0;
			return TUI_REDRAW;
		default:
			break;
		}
	}
	t->help = false;
	t->help_scroll = 0;
	return TUI_REDRAW;
}
