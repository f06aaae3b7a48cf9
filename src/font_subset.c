/* Subsetting with hb-subset; see font_subset.h. */
#include "font_subset.h"

#include <hb-subset.h>
#include <hb.h>
#include <string.h>

#include "font_face.h"
#include "xalloc.h"

char *font_subset_make(const struct font_face *face, const uint32_t *cps, size_t n, size_t *len)
{
	hb_subset_input_t *input = hb_subset_input_create_or_fail();
	if (!input)
		return NULL;
	hb_set_t *unicodes = hb_subset_input_unicode_set(input);
	for (size_t i = 0; i < n; i++)
		hb_set_add(unicodes, cps[i]);
	/* Hinting is for screens at small sizes; a printed report does not
	 * need it and it is a large part of these fonts. */
	hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *subset = hb_subset_or_fail((hb_face_t *)font_face_hb_face(face), input);
	hb_subset_input_destroy(input);
	if (!subset)
		return NULL;
	hb_blob_t *blob = hb_face_reference_blob(subset);
	unsigned size;
	const char *data = hb_blob_get_data(blob, &size);
	char *out = NULL;
	if (size > 0) {
		out = xmalloc(size);
		memcpy(out, data, size);
		*len = size;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(subset);
	return out;
}
