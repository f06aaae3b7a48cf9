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
		{"１２", 1, 12, NULL}, /* fullwidth digits from an input method */
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
			fail_msg("\"%s\": ok %d value %lld problem %s", cases[i].text, ok,
				 (long long)v, ok ? "-" : problem);
	}
}

/* Amounts of 万元 as the form writes them: at most 4 decimals, below
 * 1,000,000,000; the value in units of 1/VALUE_MONEY_SCALE. */
static void test_money(void **state)
{
	static const struct {
		const char *text;
		int64_t scaled; /* when problem is NULL */
		const char *problem;
	} cases[] = {
		/* fractions */
		{"0", 0, NULL},
		{"12", 12 * VALUE_MONEY_SCALE, NULL},
		{"12.5", 125000, NULL},
		{"12.50", 125000, NULL},
		{"12.05", 120500, NULL},
		{"12.3456", 123456, NULL},
		{"0.0001", 1, NULL},
		{"0.0000", 0, NULL},
		{"0.5", 5000, NULL},
		{".5", 0, "小数点前面缺少数字（例如 0.5）"},
		{"．5", 0, "小数点前面缺少数字（例如 0.5）"},
		{"12.", 0, "小数点后面缺少数字"},
		{"12．", 0, "小数点后面缺少数字"},
		{"12.34567", 0, "小数超过 4 位"},
		{"0.00001", 0, "小数超过 4 位"},
		{"12.3.4", 0, "只能由数字组成"},
		/* limits */
		{"999999999", 999999999 * (int64_t)VALUE_MONEY_SCALE, NULL},
		{"999999999.9999", 9999999999999, NULL},
		{"1000000000", 0, "金额过大，应小于 1000000000 万元"},
		{"1000000000.0000", 0, "金额过大，应小于 1000000000 万元"},
		{"123456789012345678901234567890", 0, "金额过大，应小于 1000000000 万元"},
		{"999999999.99999", 0, "小数超过 4 位"},
		/* fullwidth digits and point, as an input method types them */
		{"１２", 120000, NULL},
		{"１２．５", 125000, NULL},
		{"１２.３４５６", 123456, NULL},
		{"12．3456", 123456, NULL},
		{"９９９９９９９９９．９９９９", 9999999999999, NULL},
		{"１０００００００００", 0, "金额过大，应小于 1000000000 万元"},
		/* leading zeros */
		{"01.5", 0, "整数部分不能以 0 开头"},
		{"00", 0, "整数部分不能以 0 开头"},
		{"０１", 0, "整数部分不能以 0 开头"},
		{"0012", 0, "整数部分不能以 0 开头"},
		/* signs */
		{"-1", 0, "不能是负数"},
		{"-0.5", 0, "不能是负数"},
		{"－1", 0, "不能是负数"},
		{"+1", 0, "不要写正号"},
		{"+0.5", 0, "不要写正号"},
		/* spaces */
		{" 12", 0, "数字中间或前后不能有空格"},
		{"12 ", 0, "数字中间或前后不能有空格"},
		{"12. 5", 0, "小数点后面缺少数字"},
		{"1\t2", 0, "数字中间或前后不能有空格"},
		{"12　", 0, "只能由数字组成"}, /* U+3000 */
		/* empty */
		{"", 0, "没有填写数值"},
		/* exponent */
		{"1e3", 0, "不能用科学计数法"},
		{"1.5E3", 0, "不能用科学计数法"},
		{"1e-4", 0, "不能用科学计数法"},
		/* comma, underscore, units, other forms */
		{"1,5", 0, "数字之间不能有逗号或下划线"},
		{"1,000.5", 0, "数字之间不能有逗号或下划线"},
		{"1_000", 0, "数字之间不能有逗号或下划线"},
		{"12万元", 0, "只能由数字组成"},
		{"0x10", 0, "只能用十进制数字书写"},
		{"½", 0, "只能由数字组成"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *problem = NULL;
		bool ok = value_parse_money(cases[i].text, strlen(cases[i].text), 4, 1000000000, &v,
					    &problem);
		if (ok != !cases[i].problem || (ok && v != cases[i].scaled) ||
		    (!ok && strcmp(problem, cases[i].problem) != 0))
			fail_msg("\"%s\": ok %d value %lld problem %s", cases[i].text, ok,
				 (long long)v, ok ? "-" : problem);
	}
}

/* The decimals and the limit are the form's, and the reason says so. */
static void test_money_of_other_forms(void **state)
{
	static const struct {
		const char *text;
		int decimals;
		int64_t below, scaled;
		const char *problem;
	} cases[] = {
		{"1.23", 2, 10, 12300, NULL},
		{"1.234", 2, 10, 0, "小数超过 2 位"},
		{"1.5", 0, 10, 0, "不能有小数"},
		{"7", 0, 10, 70000, NULL},
		{"9.9999", 4, 10, 99999, NULL},
		{"10", 4, 10, 0, "金额过大，应小于 1000000000 万元"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *problem = NULL;
		bool ok = value_parse_money(cases[i].text, strlen(cases[i].text), cases[i].decimals,
					    cases[i].below, &v, &problem);
		if (ok != !cases[i].problem || (ok && v != cases[i].scaled) ||
		    (!ok && strcmp(problem, cases[i].problem) != 0))
			fail_msg("\"%s\" (%d decimals): ok %d value %lld problem %s", cases[i].text,
				 cases[i].decimals, ok, (long long)v, ok ? "-" : problem);
	}
}

/* Amounts are printed with exactly 4 decimals, and what is printed reads
 * back as the same amount. */
static void test_money_printing(void **state)
{
	static const struct {
		int64_t scaled;
		const char *text;
	} cases[] = {
		{0, "0.0000"},
		{1, "0.0001"},
		{10, "0.0010"},
		{5000, "0.5000"},
		{120000, "12.0000"},
		{123400, "12.3400"},
		{123456, "12.3456"},
		{9999999999999, "999999999.9999"},
		{10000000000000, "1000000000.0000"}, /* a sum may exceed what one cell holds */
		{-5, "-0.0005"},
		{-123456, "-12.3456"},
		{INT64_MAX, "922337203685477.5807"},
		{INT64_MIN, "-922337203685477.5808"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char out[32];
		value_format_money(cases[i].scaled, out);
		assert_string_equal(out, cases[i].text);
		int64_t back = -1;
		const char *problem = NULL;
		bool fits = cases[i].scaled >= 0 &&
			    cases[i].scaled < 1000000000 * (int64_t)VALUE_MONEY_SCALE;
		assert_int_equal(
			value_parse_money(out, strlen(out), 4, 1000000000, &back, &problem), fits);
		if (fits)
			assert_int_equal(back, cases[i].scaled);
	}
	/* every way of writing an amount prints the same canonical text */
	static const struct {
		const char *typed, *printed;
	} written[] = {
		{"12", "12.0000"},
		{"12.5", "12.5000"},
		{"１２．３４", "12.3400"},
		{"0.05", "0.0500"},
	};
	for (size_t i = 0; i < sizeof written / sizeof written[0]; i++) {
		int64_t v;
		const char *problem;
		char out[32];
		assert_true(value_parse_money(written[i].typed, strlen(written[i].typed), 4,
					      1000000000, &v, &problem));
		value_format_money(v, out);
		assert_string_equal(out, written[i].printed);
	}
	/* a round trip over a spread of amounts, including every last digit */
	for (int64_t v = 0; v < 9999999999999; v = v * 7 + 3) {
		char out[32];
		int64_t back = -1;
		const char *problem;
		value_format_money(v, out);
		assert_true(value_parse_money(out, strlen(out), 4, 1000000000, &back, &problem));
		assert_int_equal(back, v);
	}
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

static void test_dates_as_clerks_write_them(void **state)
{
	(void)state;
	static const char *const good[] = {
		"2024-01-18",		"2024-1-18",	"2024/1/18", "2024.1.18", "2024年1月18日",
		"２０２４年１月１８日", "2024／01／18",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int y = 0, m = 0, d = 0;
		if (!value_parse_date_spelled(good[i], strlen(good[i]), &y, &m, &d))
			fail_msg("refused %s", good[i]);
		assert_int_equal(y, 2024);
		assert_int_equal(m, 1);
		assert_int_equal(d, 18);
	}
	static const char *const bad[] = {
		"2024-02-30", "2024/13/1", "24/1/18", "2024-1/18", "2024年1月18",
		"2024.1.18.", "2024年1月", "",	      "20240118",  "2024年1月181日",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int y, m, d;
		if (value_parse_date_spelled(bad[i], strlen(bad[i]), &y, &m, &d))
			fail_msg("accepted %s", bad[i]);
	}
	/* the data file keeps its one spelling */
	int y, m, d;
	assert_false(value_parse_date("2024/1/18", 9, &y, &m, &d));
}

static void test_grouped_numbers(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		size_t taken; /* 0: not a grouped number */
		const char *digits;
	} cases[] = {
		{"1,234", 5, "1234"},
		{"1 234", 5, "1234"},
		{"１，２３４", 15, "1234"},
		{"12,345,678\t9", 10, "12345678"},
		{"1,234件", 5, "1234"},
		{"1,234, 5", 5, "1234"},
		{"1\u3000234", 7, "1234"},
		{"12 34", 0, ""},
		{"1234,567", 0, ""},
		{"1,23", 0, ""},
		{"1,234 567", 5, "1234"}, /* one kind of separator */
		{"1234", 0, ""},
		{",234", 0, ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char digits[64];
		size_t taken = value_take_grouped(cases[i].in, strlen(cases[i].in), digits);
		if (taken != cases[i].taken)
			fail_msg("%s: took %zu, not %zu", cases[i].in, taken, cases[i].taken);
		if (taken)
			assert_string_equal(digits, cases[i].digits);
	}
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
		cmocka_unit_test(test_dates_as_clerks_write_them),
		cmocka_unit_test(test_grouped_numbers),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_money_of_other_forms),
		cmocka_unit_test(test_money_printing),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_ascii_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
