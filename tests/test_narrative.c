/* Level-2 headings found in the paragraphs of a narrative, as offices
 * write them (the seeds and published reports). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "narrative.h"

static void test_headings(void **state)
{
	static const struct {
		const char *para;
		const char *heading; /* NULL: none */
		const char *rest;
	} cases[] = {
		{"（一）主动公开情况。主要通过政府门户网站主动公开", "（一）主动公开情况。",
		 "主要通过政府门户网站主动公开"},
		{"  （二）依申请公开情况。根据《条例》", "（二）依申请公开情况。", "根据《条例》"},
		{"(一) 加强组织领导。高度重视", "(一) 加强组织领导。", "高度重视"},
		{"（一）存在的问题：一是", "（一）存在的问题：", "一是"},
		{"(二):后", "(二):", "后"},
		{"（十二）其他。", "（十二）其他。", ""},
		{"（四）无法提供）", "（四）无法提供）", ""},
		/* no stop: the whole paragraph when it is short */
		{"    (一) 主动公开情况", "(一) 主动公开情况", ""},
		{"（三）政府信息公开平台建设　 ", "（三）政府信息公开平台建设", "　 "},
		{"(五) 监督保障", "(五) 监督保障", ""},
		/* not headings */
		{"（一）本年度共主动公开政府信息一千二百余条，其中规范性文件二十件，另有大量政策解读",
		 NULL, NULL},
		{"（一）本年度共主动公开政府信息一千二百余条，其中规范性文件二十件，另有政策解读材料若干。",
		 NULL, NULL},
		{"一、总体情况", NULL, NULL},
		{"（1）主动公开。", NULL, NULL},
		{"（）主动公开。", NULL, NULL},
		{"（一主动公开。", NULL, NULL},
		{"（一二三四）主动公开。", NULL, NULL},
		{"本机关（一）主动公开。", NULL, NULL},
		{"", NULL, NULL},
		{"   ", NULL, NULL},
		{"（", NULL, NULL},
		{"（一", NULL, NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *p = cases[i].para;
		size_t start = 99, end = 99;
		bool found = narrative_heading(p, strlen(p), &start, &end);
		if (!cases[i].heading) {
			if (found)
				fail_msg("%s: found a heading of %zu bytes", p, end - start);
			assert_int_equal(start, 99);
			continue;
		}
		if (!found)
			fail_msg("%s: no heading found", p);
		assert_int_equal(end - start, strlen(cases[i].heading));
		assert_memory_equal(p + start, cases[i].heading, end - start);
		assert_string_equal(p + end, cases[i].rest);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
