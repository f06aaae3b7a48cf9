/* The form's key bindings and the terminals' escape sequences; see
 * tui_keys.h.  One row per binding: where, what, the keys as the help
 * names them, the codes curses gives for them, and the description. */
#include "tui_keys.h"

#include <curses.h>
#include <stdbool.h>
#include <string.h>

#include "textedit.h"
#include "utf8.h"

#define CTRL(c)                           \
	{                                 \
		(wint_t)((c)&0x1f), false \
	}
#define FN(c)                     \
	{                         \
		(wint_t)(c), true \
	}
#define CH(c)                      \
	{                          \
		(wint_t)(c), false \
	}
#define MAX_CODES 6

struct binding {
	enum tui_keys_context context;
	enum tui_action action;
	const char *keys;		 /* as the help shows them; NULL: shown by the row above */
	struct tui_key codes[MAX_CODES]; /* ends at code 0 */
	const char *description;
};

/* In the order of the help; a row without codes is a note. */
static const struct binding bindings[] = {
	{TUI_KEYS_LIST, TUI_ACTION_UP, "↑ ↓", {FN(KEY_UP)}, "在目录中选择部分"},
	{TUI_KEYS_LIST, TUI_ACTION_DOWN, NULL, {FN(KEY_DOWN)}, NULL},
	{TUI_KEYS_LIST, TUI_ACTION_HOME, "Home  End", {FN(KEY_HOME)}, "第一个 / 最后一个部分"},
	{TUI_KEYS_LIST, TUI_ACTION_END, NULL, {FN(KEY_END)}, NULL},
	{TUI_KEYS_LIST,
	 TUI_ACTION_ENTER,
	 "Enter  →  Tab",
	 {CH('\r'), CH('\n'), FN(KEY_ENTER), FN(KEY_RIGHT), CH('\t')},
	 "进入所选部分"},
	{TUI_KEYS_LIST,
	 TUI_ACTION_NONE,
	 "直接输入",
	 {{0}},
	 "回到所选部分接着填写，输入的内容不会丢失"},

	{TUI_KEYS_TABLE, TUI_ACTION_UP, "方向键", {FN(KEY_UP)}, "移动到上下左右的格子"},
	{TUI_KEYS_TABLE, TUI_ACTION_DOWN, NULL, {FN(KEY_DOWN)}, NULL},
	{TUI_KEYS_TABLE, TUI_ACTION_LEFT, NULL, {FN(KEY_LEFT)}, NULL},
	{TUI_KEYS_TABLE, TUI_ACTION_RIGHT, NULL, {FN(KEY_RIGHT)}, NULL},
	{TUI_KEYS_TABLE,
	 TUI_ACTION_NEXT,
	 "Tab  Shift-Tab",
	 {CH('\t')},
	 "下一格 / 上一格；光标不会离开本部分"},
	{TUI_KEYS_TABLE, TUI_ACTION_PREV, NULL, {FN(KEY_BTAB)}, NULL},
	{TUI_KEYS_TABLE, TUI_ACTION_NONE, "数字", {{0}}, "填写当前格（全角数字也可以）"},
	{TUI_KEYS_TABLE,
	 TUI_ACTION_NONE,
	 "",
	 {{0}},
	 "粘贴的 1,234、1 234、１，２３４ 都是 1234，“件”略去"},
	{TUI_KEYS_TABLE,
	 TUI_ACTION_ENTER,
	 "Enter",
	 {CH('\r'), CH('\n'), FN(KEY_ENTER)},
	 "确定并下移"},
	{TUI_KEYS_TABLE,
	 TUI_ACTION_BACKSPACE,
	 "Backspace",
	 {FN(KEY_BACKSPACE), CH(127), CH(8)},
	 "删去最后一位"},
	{TUI_KEYS_TABLE, TUI_ACTION_DELETE, "Delete", {FN(KEY_DC)}, "把当前格清零"},
	{TUI_KEYS_TABLE, TUI_ACTION_PAGE_UP, "PgUp  PgDn", {FN(KEY_PPAGE)}, "上下翻页"},
	{TUI_KEYS_TABLE, TUI_ACTION_PAGE_DOWN, NULL, {FN(KEY_NPAGE)}, NULL},
	{TUI_KEYS_TABLE, TUI_ACTION_HOME, "Home  End", {FN(KEY_HOME)}, "到本行第一格 / 最后一格"},
	{TUI_KEYS_TABLE, TUI_ACTION_END, NULL, {FN(KEY_END)}, NULL},
	{TUI_KEYS_TABLE, TUI_ACTION_LEAVE, "Esc", {CH(27)}, "取消正在输入的数字；否则回到目录"},
	{TUI_KEYS_TABLE, TUI_ACTION_NONE, "", {{0}}, "（回到目录后接着输入数字，会回到这一格）"},
	{TUI_KEYS_TABLE,
	 TUI_ACTION_NONE,
	 "",
	 {{0}},
	 "合计格（青色）随各项自动计算；导入的合计与各项"},
	{TUI_KEYS_TABLE, TUI_ACTION_NONE, "", {{0}}, "不符时显示为红色，不会被悄悄改掉"},

	{TUI_KEYS_TEXT,
	 TUI_ACTION_NONE,
	 "直接输入",
	 {{0}},
	 "可以用中文输入法，也可以粘贴；Enter 换段"},
	{TUI_KEYS_TEXT, TUI_ACTION_UP, "方向键", {FN(KEY_UP)}, "移动光标；光标不会离开本部分"},
	{TUI_KEYS_TEXT, TUI_ACTION_DOWN, NULL, {FN(KEY_DOWN)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_LEFT, NULL, {FN(KEY_LEFT)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_RIGHT, NULL, {FN(KEY_RIGHT)}, NULL},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_WORD_LEFT,
	 "Ctrl-←  Ctrl-→",
	 {FN(TUI_KEY_WORD_LEFT)},
	 "向前 / 向后移动一个词"},
	{TUI_KEYS_TEXT, TUI_ACTION_WORD_RIGHT, NULL, {FN(TUI_KEY_WORD_RIGHT)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_HOME, "Home  End", {FN(KEY_HOME)}, "到行首 / 行尾"},
	{TUI_KEYS_TEXT, TUI_ACTION_END, NULL, {FN(KEY_END)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_PAGE_UP, "PgUp  PgDn", {FN(KEY_PPAGE)}, "上下翻页"},
	{TUI_KEYS_TEXT, TUI_ACTION_PAGE_DOWN, NULL, {FN(KEY_NPAGE)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_ENTER, NULL, {CH('\r'), CH('\n'), FN(KEY_ENTER)}, NULL},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_BACKSPACE,
	 "Backspace  Delete",
	 {FN(KEY_BACKSPACE), CH(127), CH(8)},
	 "删去光标前 / 光标处的一个字"},
	{TUI_KEYS_TEXT, TUI_ACTION_DELETE, NULL, {FN(KEY_DC)}, NULL},
	{TUI_KEYS_TEXT, TUI_ACTION_KILL_LINE, "Ctrl-K", {CTRL('K')}, "删去光标所在的一整段"},
	{TUI_KEYS_TEXT, TUI_ACTION_KILL_TO_START, "Ctrl-U", {CTRL('U')}, "删去从段首到光标的文字"},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_EXTERNAL_EDITOR,
	 "Ctrl-E  F4",
	 {CTRL('E'), FN(KEY_F(4))},
	 "用外部编辑器（$VISUAL、$EDITOR）编辑这段文字"},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_INSERT_SENTENCE,
	 "F7",
	 {FN(KEY_F(7))},
	 "插入由表格生成的句子（templates/sentences.yaml）"},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_NEXT,
	 "Tab  Shift-Tab",
	 {CH('\t')},
	 "离开文字，到本部分的下一项 / 上一项"},
	{TUI_KEYS_TEXT, TUI_ACTION_PREV, NULL, {FN(KEY_BTAB)}, NULL},
	{TUI_KEYS_TEXT,
	 TUI_ACTION_LEAVE,
	 "Esc",
	 {CH(27)},
	 "回到目录；接着输入的文字回到这里，光标不动"},

	{TUI_KEYS_BASICS,
	 TUI_ACTION_ENTER,
	 "Enter",
	 {CH('\r'), CH('\n'), FN(KEY_ENTER)},
	 "修改发布机关、报告年度、成文日期；改完再按 Enter 确定"},
	{TUI_KEYS_BASICS, TUI_ACTION_UP, "↑ ↓  Tab", {FN(KEY_UP)}, "上一项 / 下一项"},
	{TUI_KEYS_BASICS, TUI_ACTION_DOWN, NULL, {FN(KEY_DOWN)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_NEXT, NULL, {CH('\t')}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_PREV, NULL, {FN(KEY_BTAB)}, NULL},
	{TUI_KEYS_BASICS,
	 TUI_ACTION_LEFT,
	 "← →  Home  End",
	 {FN(KEY_LEFT)},
	 "修改时移动光标；Backspace、Delete 删字"},
	{TUI_KEYS_BASICS, TUI_ACTION_RIGHT, NULL, {FN(KEY_RIGHT)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_HOME, NULL, {FN(KEY_HOME)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_END, NULL, {FN(KEY_END)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_BACKSPACE, NULL, {FN(KEY_BACKSPACE), CH(127), CH(8)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_DELETE, NULL, {FN(KEY_DC)}, NULL},
	{TUI_KEYS_BASICS, TUI_ACTION_TOGGLE, "空格", {CH(' ')}, "切换草稿标记"},
	{TUI_KEYS_BASICS, TUI_ACTION_LEAVE, "Esc", {CH(27)}, "放弃正在做的修改；否则回到目录"},

	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_SAVE,
	 "F2  Ctrl-S",
	 {FN(KEY_F(2)), CTRL('S')},
	 "保存（原文件要么完整替换，要么保持原样）"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_CONFIRM,
	 "F3  Ctrl-O",
	 {FN(KEY_F(3)), CTRL('O')},
	 "确认本部分：规则都满足并确认后，目录中显示“完成”"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_NONE,
	 "",
	 {{0}},
	 "（全是 0 的表格也可以）；再按一次取消确认"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_UNDO,
	 "Ctrl-Z  Ctrl-Y",
	 {CTRL('Z')},
	 "撤销 / 重做本部分最近的修改（每部分最多 100 步）"},
	{TUI_KEYS_ANYWHERE, TUI_ACTION_REDO, NULL, {CTRL('Y')}, NULL},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_NEXT_PAGE,
	 "Ctrl-N  Ctrl-P",
	 {CTRL('N')},
	 "到下一个 / 上一个部分"},
	{TUI_KEYS_ANYWHERE, TUI_ACTION_PREV_PAGE, NULL, {CTRL('P')}, NULL},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_OUTPUT,
	 "F5",
	 {FN(KEY_F(5))},
	 "生成标准文本和 PDF（与报告文件同名的 .txt、.pdf）"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_ACKNOWLEDGE,
	 "F6",
	 {FN(KEY_F(6))},
	 "把光标所在格的警告标为已核实（写明理由）"},
	{TUI_KEYS_ANYWHERE, TUI_ACTION_HELP, "F1", {FN(KEY_F(1))}, "本帮助"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_QUIT,
	 "F10  Ctrl-Q",
	 {FN(KEY_F(10)), CTRL('Q')},
	 "退出（有未保存的修改时会询问）"},
	{TUI_KEYS_ANYWHERE,
	 TUI_ACTION_REPAINT,
	 "Ctrl-L",
	 {CTRL('L')},
	 "重画整个屏幕（显示错乱时）"},
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

static const char *const context_titles[TUI_KEYS_CONTEXTS] = {
	[TUI_KEYS_ANYWHERE] = "任何时候", [TUI_KEYS_LIST] = "在目录（左边的部分列表）中",
	[TUI_KEYS_TABLE] = "表格",	  [TUI_KEYS_TEXT] = "文字部分",
	[TUI_KEYS_BASICS] = "基本信息",
};

/* The help and the man page list the contexts in this order. */
static const enum tui_keys_context context_order[TUI_KEYS_CONTEXTS] = {
	TUI_KEYS_LIST, TUI_KEYS_TABLE, TUI_KEYS_TEXT, TUI_KEYS_BASICS, TUI_KEYS_ANYWHERE};

static const char *const help_footer[] = {
	"",
	"Home、End、Delete、F1–F5 在 PuTTY、tmux、screen 和 xterm 中都可以用。",
	"每次修改后，未保存的内容都会写入报告旁边的隐藏恢复文件；",
	"程序意外退出后再次打开同一个报告，会询问是否恢复。",
};

#define FOOTER_LINES (sizeof help_footer / sizeof help_footer[0])

enum tui_action tui_keys_action(enum tui_keys_context context, struct tui_key key)
{
	for (size_t i = 0; i < NBINDINGS; i++) {
		if (bindings[i].context != context)
			continue;
		for (size_t k = 0; k < MAX_CODES && bindings[i].codes[k].code; k++)
			if (bindings[i].codes[k].code == key.code &&
			    bindings[i].codes[k].function == key.function)
				return bindings[i].action;
	}
	return TUI_ACTION_NONE;
}

static bool same_key(struct tui_key a, struct tui_key b)
{
	return a.code == b.code && a.function == b.function;
}

const char *tui_keys_clash(void)
{
	static char clash[160];
	for (size_t i = 0; i < NBINDINGS; i++)
		for (size_t j = i + 1; j < NBINDINGS; j++) {
			const struct binding *a = &bindings[i], *b = &bindings[j];
			bool overlap = a->context == b->context ||
				       a->context == TUI_KEYS_ANYWHERE ||
				       b->context == TUI_KEYS_ANYWHERE;
			for (size_t k = 0; overlap && k < MAX_CODES && a->codes[k].code; k++)
				for (size_t m = 0; m < MAX_CODES && b->codes[m].code; m++)
					if (same_key(a->codes[k], b->codes[m])) {
						snprintf(clash, sizeof clash,
							 "key %u (%s) bound in rows %zu and %zu",
							 (unsigned)a->codes[k].code,
							 a->codes[k].function ? "function"
									      : "character",
							 i, j);
						return clash;
					}
		}
	return NULL;
}

/* What terminals send that their terminfo entry may not say: PuTTY's
 * default "ESC[n~" keys, the VT220/tmux/screen Home and End, xterm's
 * in both cursor modes, rxvt's, the Linux console's F1-F5, and
 * Ctrl-arrows. */
static const struct {
	const char *sequence;
	int code;
} sequences[] = {
	{"\033[1~", KEY_HOME},
	{"\033[7~", KEY_HOME},
	{"\033[H", KEY_HOME},
	{"\033OH", KEY_HOME},
	{"\033[4~", KEY_END},
	{"\033[8~", KEY_END},
	{"\033[F", KEY_END},
	{"\033OF", KEY_END},
	{"\033[3~", KEY_DC},
	{"\033[2~", KEY_IC},
	{"\033[5~", KEY_PPAGE},
	{"\033[6~", KEY_NPAGE},
	{"\033[Z", KEY_BTAB},
	{"\033[A", KEY_UP},
	{"\033[B", KEY_DOWN},
	{"\033[C", KEY_RIGHT},
	{"\033[D", KEY_LEFT},
	{"\033OA", KEY_UP},
	{"\033OB", KEY_DOWN},
	{"\033OC", KEY_RIGHT},
	{"\033OD", KEY_LEFT},
	{"\033[11~", KEY_F(1)},
	{"\033[12~", KEY_F(2)},
	{"\033[13~", KEY_F(3)},
	{"\033[14~", KEY_F(4)},
	{"\033[15~", KEY_F(5)},
	{"\033OP", KEY_F(1)},
	{"\033OQ", KEY_F(2)},
	{"\033OR", KEY_F(3)},
	{"\033OS", KEY_F(4)},
	{"\033[[A", KEY_F(1)},
	{"\033[[B", KEY_F(2)},
	{"\033[[C", KEY_F(3)},
	{"\033[[D", KEY_F(4)},
	{"\033[[E", KEY_F(5)},
	{"\033[17~", KEY_F(6)},
	{"\033[21~", KEY_F(10)},
	{"\033[1;5D", TUI_KEY_WORD_LEFT},
	{"\033[1;5C", TUI_KEY_WORD_RIGHT},
	{"\033Od", TUI_KEY_WORD_LEFT},
	{"\033Oc", TUI_KEY_WORD_RIGHT},
};

void tui_keys_define_sequences(void)
{
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		define_key(sequences[i].sequence, sequences[i].code);
}

/* ---- the help and the man page -------------------------------------------- */

#define KEYS_COLUMN 20

size_t tui_keys_help_count(void)
{
	size_t n = 0;
	for (size_t c = 0; c < TUI_KEYS_CONTEXTS; c++) {
		n++; /* the heading */
		for (size_t i = 0; i < NBINDINGS; i++)
			n += bindings[i].context == context_order[c] && bindings[i].keys;
	}
	return n + FOOTER_LINES;
}

const char *tui_keys_help_line(size_t line, char *scratch, size_t size)
{
	size_t n = 0;
	for (size_t c = 0; c < TUI_KEYS_CONTEXTS; c++) {
		if (n++ == line) {
			snprintf(scratch, size, "【%s】", context_titles[context_order[c]]);
			return scratch;
		}
		for (size_t i = 0; i < NBINDINGS; i++) {
			const struct binding *b = &bindings[i];
			if (b->context != context_order[c] || !b->keys || n++ != line)
				continue;
			int pad = KEYS_COLUMN - utf8_width(b->keys);
			snprintf(scratch, size, "  %s%*s%s", b->keys, pad > 1 ? pad : 1, "",
				 b->description);
			return scratch;
		}
	}
	return line - n < FOOTER_LINES ? help_footer[line - n] : "";
}

/* s in roff: a hyphen is \-, a backslash \e, and a line never starts
 * with a control character. */
static void put_roff(FILE *fp, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", fp);
	for (; *s; s++) {
		if (*s == '-')
			fputs("\\-", fp);
		else if (*s == '\\')
			fputs("\\e", fp);
		else
			fputc(*s, fp);
	}
}

void tui_keys_write_man(FILE *fp)
{
	for (size_t c = 0; c < TUI_KEYS_CONTEXTS; c++) {
		fprintf(fp, ".PP\n.B %s\n", context_titles[context_order[c]]);
		for (size_t i = 0; i < NBINDINGS; i++) {
			const struct binding *b = &bindings[i];
			if (b->context != context_order[c] || !b->keys)
				continue;
			fputs(".TP\n", fp);
			if (*b->keys) {
				fputs(".B \"", fp);
				put_roff(fp, b->keys);
				fputs("\"\n", fp);
			} else {
				fputs("\\&\n", fp);
			}
			put_roff(fp, b->description);
			fputc('\n', fp);
		}
	}
}

bool tui_keys_move_text(struct textedit *e, enum tui_action action)
{
	switch (action) {
	case TUI_ACTION_LEFT:
		textedit_left(e);
		return true;
	case TUI_ACTION_RIGHT:
		textedit_right(e);
		return true;
	case TUI_ACTION_WORD_LEFT:
		textedit_word_left(e);
		return true;
	case TUI_ACTION_WORD_RIGHT:
		textedit_word_right(e);
		return true;
	case TUI_ACTION_HOME:
		textedit_home(e);
		return true;
	case TUI_ACTION_END:
		textedit_end(e);
		return true;
	default:
		return false;
	}
}
