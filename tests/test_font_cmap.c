/* The compact cmap: read back by HarfBuzz, every character maps to its
 * glyph and the codes between them to none; too wide a spread is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>
#include <hb.h>

#include "font_cmap.h"

/* The glyph of cp in a font holding only the cmap table. */
static hb_codepoint_t glyph_of(hb_font_t *font, uint32_t cp)
{
	hb_codepoint_t glyph = 0;
	hb_font_get_nominal_glyph(font, cp, &glyph);
	return glyph;
}

static void test_maps_back(void **state)
{
	(void)state;
	/* ASCII, punctuation, two spread-out ideographs, fullwidth forms */
	const uint32_t cps[] = {' ',	'0',	'1',	'A',	0x2014, 0x3001,
				0x4E00, 0x4E01, 0x6C11, 0x9547, 0xFF08, 0xFF09};
	const uint32_t glyphs[] = {3, 19, 20, 36, 900, 1000, 2000, 2001, 4321, 7000, 7100, 7101};
	size_t n = sizeof cps / sizeof cps[0], len;
	char *table = font_cmap_make(cps, glyphs, n, &len);
	assert_non_null(table);
	hb_face_t *builder = hb_face_builder_create();
	hb_blob_t *blob = hb_blob_create(table, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_builder_add_table(builder, HB_TAG('c', 'm', 'a', 'p'), blob);
	hb_blob_t *font_blob = hb_face_reference_blob(builder);
	hb_face_t *face = hb_face_create(font_blob, 0);
	hb_font_t *font = hb_font_create(face);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(glyph_of(font, cps[i]), glyphs[i]);
	assert_int_equal(glyph_of(font, '2'), 0);
	assert_int_equal(glyph_of(font, 0x4E02), 0);
	assert_int_equal(glyph_of(font, 0x8000), 0);
	assert_int_equal(glyph_of(font, 0xFFFF), 0);
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(font_blob);
	hb_blob_destroy(blob);
	hb_face_destroy(builder);
	free(table);
}

static void test_refuses_what_does_not_fit(void **state)
{
	(void)state;
	/* every 200th code: one segment spanning 60,000 codes is too long */
	static uint32_t cps[300], glyphs[300];
	for (size_t i = 0; i < 300; i++) {
		cps[i] = 0x100 + (uint32_t)i * 200;
		glyphs[i] = (uint32_t)i + 1;
	}
	size_t len;
	assert_null(font_cmap_make(cps, glyphs, 300, &len));
	const uint32_t above[] = {0x20000};
	assert_null(font_cmap_make(above, glyphs, 1, &len));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_maps_back),
		cmocka_unit_test(test_refuses_what_does_not_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
