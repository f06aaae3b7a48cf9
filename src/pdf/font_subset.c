/* Subsetting with hb-subset; see font_subset.h. */
#include "font_subset.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "font_face.h"
#include "xalloc.h"

char *font_subset_make(const struct font_face *face, const uint32_t *cps, size_t n,
		       uint32_t *glyphs, size_t *len)
{
	hb_subset_input_t *input = hb_subset_input_create_or_fail();
	if (!input)
		return NULL;
	hb_set_t *unicodes = hb_subset_input_unicode_set(input);
	for (size_t i = 0; i < n; i++)
		hb_set_add(unicodes, cps[i]);
	/* Hinting is for screens at small sizes; a printed report does not
	 * need it and it is a large part of these fonts. */
	hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *source = font_face_hb_face(face);
	hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(source, input);
	hb_subset_input_destroy(input);
	if (!plan)
		return NULL;
	hb_face_t *subset = hb_subset_plan_execute_or_fail(plan);
	char *out = NULL;
	if (subset) {
		hb_blob_t *blob = hb_face_reference_blob(subset);
		unsigned size;
		const char *data = hb_blob_get_data(blob, &size);
		if (size > 0) {
			out = xmalloc(size);
			memcpy(out, data, size);
			*len = size;
		}
		hb_blob_destroy(blob);
		hb_face_destroy(subset);
	}
	if (out && glyphs) {
		const hb_map_t *renumbered = hb_subset_plan_old_to_new_glyph_mapping(plan);
		for (size_t i = 0; i < n; i++) {
			hb_codepoint_t glyph = hb_map_get(renumbered,
							  font_face_glyph(face, cps[i]));
			glyphs[i] = glyph == HB_MAP_VALUE_INVALID ? 0 : glyph;
		}
	}
	hb_subset_plan_destroy(plan);
	return out;
}
