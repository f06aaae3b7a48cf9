/* The days to a report's deadline, 31 January of the next year. */
#include "deadline.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>

static void test_days_left(void **state)
{
	static const struct {
		int year, y, m, d;
		long days;
	} cases[] = {
		{2024, 2025, 1, 31, 0},	   {2024, 2025, 1, 30, 1},   {2024, 2025, 2, 1, -1},
		{2024, 2025, 1, 1, 30},	   {2024, 2024, 12, 31, 31}, {2024, 2024, 3, 1, 336},
		{2023, 2024, 3, 1, -30},   {2024, 2024, 2, 29, 337}, {2099, 2100, 1, 31, 0},
		{2024, 2026, 1, 31, -365},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (deadline_days_left(cases[i].year, cases[i].y, cases[i].m, cases[i].d) !=
		    cases[i].days)
			fail_msg("case %zu: %ld, not %ld", i,
				 deadline_days_left(cases[i].year, cases[i].y, cases[i].m,
						    cases[i].d),
				 cases[i].days);
}

static void test_today(void **state)
{
	(void)state;
	int y, m, d;
	setenv("SOURCE_DATE_EPOCH", "1736294400", 1); /* 2025-01-08 00:00 UTC */
	deadline_today(&y, &m, &d);
	assert_int_equal(y, 2025);
	assert_int_equal(m, 1);
	assert_int_equal(d, 8);
	setenv("SOURCE_DATE_EPOCH", "tomorrow", 1); /* not a number: today */
	deadline_today(&y, &m, &d);
	assert_true(y >= 2024);
	unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
