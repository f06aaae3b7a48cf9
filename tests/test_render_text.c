/* The standardized text: golden files for the published reports we
 * transcribed and the example, and its promises (labels, alignment). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"
#include "render_text.h"
#include "report.h"
#include "support.h"
#include "utf8.h"

static void check_golden(const char *data, const char *golden)
{
	struct report *r = test_load(data);
	size_t len, glen;
	char *text = render_text(r, &len);
	char *want = test_read_golden(golden, &glen);
	if (len != glen || memcmp(text, want, len) != 0) {
		FILE *fp = fopen("render-text.actual", "wb");
		fwrite(text, 1, len, fp);
		fclose(fp);
		fail_msg("%s differs from golden/%s (written to render-text.actual)", data, golden);
	}
	free(text);
	free(want);
	report_free(r);
}

static void test_golden(void **state)
{
	(void)state;
	check_golden("seed-000.yaml", "seed-000.txt");
	check_golden("seed-003.yaml", "seed-003.txt");
	check_golden("example-2024.yaml", "example-2024.txt");
}

static void test_every_label_and_number(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	const struct form *f = r->form;
	size_t len;
	char *text = render_text(r, &len);
	for (size_t s = 0; s < f->nsections; s++)
		assert_non_null(strstr(text, f->sections[s].heading));
	for (size_t t = 0; t < f->ntables; t++) {
		const struct form_table *tab = &f->tables[t];
		for (size_t c = 0; c < tab->columns->ncolumns; c++)
			assert_non_null(strstr(text, tab->columns->columns[c].label));
		for (size_t i = 0; i < tab->nrows; i++) {
			/* a wrapped label is split over lines: look for its start */
			/* (12 columns of CJK are 18 bytes; zero-width marks add more) */
			size_t n = utf8_prefix_for_width(tab->rows[i].label,
							 strlen(tab->rows[i].label), 12);
			char *start = strndup(tab->rows[i].label, n);
			if (!strstr(text, start))
				fail_msg("label %s missing", tab->rows[i].label);
			free(start);
		}
	}
	assert_non_null(strstr(text, "示例县人民政府2024年政府信息公开工作年度报告\n"));
	assert_non_null(strstr(text, "12.5600"));
	assert_non_null(strstr(text, "2025年1月20日\n"));
	/* numbers of a column end in the same display column on every row */
	const char *row = strstr(text, "一、本年新收政府信息公开申请数量");
	const char *next = strstr(row, "二、上年结转政府信息公开申请数量");
	const char *end_row = strchr(row, '\n'), *end_next = strchr(next, '\n');
	assert_int_equal(utf8_nwidth(row, (size_t)(end_row - row)),
			 utf8_nwidth(next, (size_t)(end_next - next)));
	free(text);
	report_free(r);
}

static void test_deterministic_and_draft(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	size_t a_len, b_len;
	char *a = render_text(r, &a_len);
	char *b = render_text(r, &b_len);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	r->draft = true;
	char *c = render_text(r, &b_len);
	assert_true(strncmp(c, "【草稿】\n", strlen("【草稿】\n")) == 0);
	assert_null(strchr(a, '\r'));
	assert_int_equal(a[a_len - 1], '\n');
	assert_int_not_equal(a[a_len - 2], '\n');
	free(a);
	free(b);
	free(c);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_every_label_and_number),
		cmocka_unit_test(test_deterministic_and_draft),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
