/* Counts, amounts and dates as a clerk writes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "value.h"

static void test_counts(void **state)
{
	static const struct {
		const char *text;
		int ok;
		int64_t value;
		const char *problem;
	} cases[] = {
		{"0", 1, 0, NULL},
		{"12", 1, 12, NULL},
		{"999999999", 1, 999999999, NULL},
		{"１２", 1, 12, NULL},		/* fullwidth digits from an input method */
		{"1２", 1, 12, NULL},
		{"０", 1, 0, NULL},
		{"1000000000", 0, 0, "超过了上限"},
		{"123456789012345678901234567890", 0, 0, "超过了上限"},
		{"-1", 0, 0, "不能是负数"},
		{"－1", 0, 0, "不能是负数"},
		{"+1", 0, 0, "不要写正号"},
		{"010", 0, 0, "不能以 0 开头"},
		{"1.5", 0, 0, "必须是整数，不能有小数"},
		{"1．0", 0, 0, "必须是整数，不能有小数"},
		{"1e3", 0, 0, "不能用科学计数法"},
		{"0x10", 0, 0, "只能用十进制数字书写"},
		{"0o10", 0, 0, "只能用十进制数字书写"},
		{"1_000", 0, 0, "数字之间不能有逗号或下划线"},
		{"1,000", 0, 0, "数字之间不能有逗号或下划线"},
		{"20:34", 0, 0, "只能由数字组成（不是时间或六十进制数）"},
		{"12件", 0, 0, "只能由数字组成"},
		{" 1", 0, 0, "数字中间或前后不能有空格"},
		{"true", 0, 0, "只能由数字组成"},
		{"", 0, 0, "没有填写数值"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *problem = NULL;
		bool ok = value_parse_count(cases[i].text, strlen(cases[i].text), 999999999, &v,
					    &problem);
		if (ok != cases[i].ok || (ok && v != cases[i].value) ||
		    (!ok && strcmp(problem, cases[i].problem) != 0))
			fail_msg("\"%s\": ok %d value %lld problem %s", cases[i].text, ok, (long long)v,
				 ok ? "-" : problem);
	}
}

static void test_money(void **state)
{
	static const struct {
		const char *text;
		int ok;
		int64_t scaled;
	} cases[] = {
		{"0", 1, 0},		{"12", 1, 120000},	 {"12.5", 1, 125000},
		{"12.3456", 1, 123456}, {"１２．５", 1, 125000}, {"0.0001", 1, 1},
		{"999999999.9999", 1, 9999999999999},
		{"1000000000", 0, 0},	{"12.34567", 0, 0},	 {"-1", 0, 0},
		{"1.", 0, 0},		{".5", 0, 0},		 {"01.5", 0, 0},
		{"1,5", 0, 0},		{"", 0, 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *problem = NULL;
		bool ok = value_parse_money(cases[i].text, strlen(cases[i].text), 4, 1000000000, &v,
					    &problem);
		assert_int_equal(ok, cases[i].ok);
		if (ok)
			assert_int_equal(v, cases[i].scaled);
		else
			assert_non_null(problem);
	}
	char out[32];
	value_format_money(123400, out);
	assert_string_equal(out, "12.3400");
	value_format_money(-5, out);
	assert_string_equal(out, "-0.0005");
}

static void test_dates(void **state)
{
	int y, m, d;
	(void)state;
	assert_true(value_parse_date("2022-01-20", 10, &y, &m, &d));
	assert_int_equal(y * 10000 + m * 100 + d, 20220120);
	assert_true(value_parse_date("2024-02-29", 10, &y, &m, &d));
	assert_false(value_parse_date("2023-02-29", 10, &y, &m, &d));
	assert_false(value_parse_date("2022-13-01", 10, &y, &m, &d));
	assert_false(value_parse_date("2022-1-20", 9, &y, &m, &d));
	assert_false(value_parse_date("2022/01/20", 10, &y, &m, &d));
}

static void test_ascii_digits(void **state)
{
	char s[] = "１２3４";
	(void)state;
	size_t n = value_ascii_digits(s, strlen(s));
	assert_int_equal(n, 4);
	assert_string_equal(s, "1234");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_ascii_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
