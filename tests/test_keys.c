/* The form's key table: sound (no key bound twice where both apply), and
 * the handlers, the help and the man page read the same rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "tui_keys.h"
#include "utf8.h"

static void test_no_key_bound_twice(void **state)
{
	(void)state;
	const char *clash = tui_keys_clash();
	if (clash)
		fail_msg("%s", clash);
}

static void test_actions(void **state)
{
	(void)state;
	struct tui_key home = {KEY_HOME, true}, ctrl_k = {'K' & 0x1f, false};
	assert_int_equal(tui_keys_action(TUI_KEYS_TEXT, home), TUI_ACTION_HOME);
	assert_int_equal(tui_keys_action(TUI_KEYS_TABLE, home), TUI_ACTION_HOME);
	assert_int_equal(tui_keys_action(TUI_KEYS_TEXT, ctrl_k), TUI_ACTION_KILL_LINE);
	assert_int_equal(tui_keys_action(TUI_KEYS_TABLE, ctrl_k), TUI_ACTION_NONE);
	assert_int_equal(tui_keys_action(TUI_KEYS_ANYWHERE, (struct tui_key){KEY_F(3), true}),
			 TUI_ACTION_CONFIRM);
	assert_int_equal(tui_keys_action(TUI_KEYS_TEXT, (struct tui_key){27, false}),
			 TUI_ACTION_LEAVE);
}

/* Every line of the help fits an 80-column screen (76 columns inside its
 * margins), and what the help lists the man page lists too. */
static void test_help_and_man_page(void **state)
{
	(void)state;
	char *man = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&man, &size);
	tui_keys_write_man(fp);
	fclose(fp);
	size_t n = tui_keys_help_count();
	assert_true(n > 40);
	bool saw_undo = false;
	for (size_t i = 0; i < n; i++) {
		char line[512];
		const char *text = tui_keys_help_line(i, line, sizeof line);
		if (strstr(text, "Ctrl-Z"))
			saw_undo = true;
		if (utf8_width(text) > 76)
			fail_msg("help line %zu is %d columns wide: %s", i, utf8_width(text), text);
		/* a row's keys, roff-escaped, are on the man page */
		if (strncmp(text, "  Ctrl-", 7) == 0) {
			char want[32];
			snprintf(want, sizeof want, "Ctrl\\-%c", text[7]);
			if (!strstr(man, want))
				fail_msg("the man page lacks %s", want);
		}
	}
	assert_true(saw_undo);
	assert_non_null(strstr(man, ".B \"F2  Ctrl\\-S\"\n"));
	assert_non_null(strstr(man, "确认本部分"));
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_key_bound_twice),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_help_and_man_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
