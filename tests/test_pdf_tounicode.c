/* The ToUnicode CMap of a font nianbao writes: glyph codes to the
 * characters they print, in ranges a reader accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "pdf_tounicode.h"

static char *cmap_of(const uint32_t *glyphs, const uint32_t *cps, size_t n)
{
	struct buf b;
	buf_init(&b);
	pdf_tounicode_cmap(&b, glyphs, cps, n);
	return buf_take(&b);
}

static void test_ranges_and_singles(void **state)
{
	(void)state;
	/* glyphs 1-2 print 1-2; 3-4 print 一丁 (a range); 5 prints 七 alone,
	 * 6 and 7 print characters apart; 0x0FF-0x100 cross a code's high
	 * byte and 8-9 a character's */
	const uint32_t glyphs[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF, 0x100};
	const uint32_t cps[] = {'1',	'2',	0x4E00, 0x4E01, 0x4E03, 0x603B,
				0x5E74, 0x4EFF, 0x4F00, 0x5E00, 0x5E01};
	char *cmap = cmap_of(glyphs, cps, 11);
	assert_non_null(strstr(cmap, "/CMapName /Adobe-Identity-UCS def"));
	assert_non_null(strstr(cmap, "<0000> <FFFF>\nendcodespacerange"));
	assert_non_null(strstr(cmap, "<0001> <0002> <0031>\n"));
	assert_non_null(strstr(cmap, "<0003> <0004> <4E00>\n"));
	assert_non_null(strstr(cmap, "<0005> <4E03>\n"));
	assert_non_null(strstr(cmap, "<0006> <603B>\n"));
	assert_non_null(strstr(cmap, "<0007> <5E74>\n"));
	assert_non_null(strstr(cmap, "<0008> <4EFF>\n"));
	assert_non_null(strstr(cmap, "<0009> <4F00>\n"));
	assert_non_null(strstr(cmap, "<00FF> <5E00>\n"));
	assert_non_null(strstr(cmap, "<0100> <5E01>\n"));
	assert_non_null(strstr(cmap, "7 beginbfchar\n"));
	assert_non_null(strstr(cmap, "2 beginbfrange\n"));
	assert_null(strstr(cmap, "cidrange"));
	assert_non_null(strstr(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\n"));
	free(cmap);
}

/* A block holds at most 100 entries; a lone surrogate maps to nothing. */
static void test_blocks_and_surrogates(void **state)
{
	(void)state;
	uint32_t glyphs[251], cps[251];
	for (uint32_t i = 0; i < 250; i++) {
		glyphs[i] = 2 * i + 1; /* every other code: no ranges */
		cps[i] = 0x4E00 + i;
	}
	glyphs[250] = 600;
	cps[250] = 0xD800;
	char *cmap = cmap_of(glyphs, cps, 251);
	assert_non_null(strstr(cmap, "100 beginbfchar\n"));
	assert_non_null(strstr(cmap, "50 beginbfchar\n"));
	assert_null(strstr(cmap, "beginbfrange"));
	assert_null(strstr(cmap, "D800"));
	assert_non_null(strstr(cmap, "<01F3> <4EF9>\n"));
	free(cmap);
	/* no characters: a map of nothing, still whole */
	cmap = cmap_of(glyphs, cps, 0);
	assert_null(strstr(cmap, "beginbf"));
	assert_non_null(strstr(cmap, "endcmap"));
	free(cmap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges_and_singles),
		cmocka_unit_test(test_blocks_and_surrogates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
