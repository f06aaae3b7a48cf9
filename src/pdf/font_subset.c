/* Subsetting with hb-subset; see font_subset.h. */
#include "font_subset.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "font_cmap.h"
#include "font_face.h"
#include "xalloc.h"

/* subset with its cmap replaced by one libharu reads fast (font_cmap.h);
 * subset itself when that cannot be made.  The caller destroys both. */
static hb_face_t *with_compact_cmap(hb_face_t *subset, const uint32_t *cps, size_t n)
{
	uint32_t *glyphs = xmalloc((n ? n : 1) * sizeof *glyphs);
	hb_font_t *font = hb_font_create(subset);
	for (size_t i = 0; i < n; i++) {
		hb_codepoint_t glyph = 0;
		hb_font_get_nominal_glyph(font, cps[i], &glyph);
		glyphs[i] = glyph;
	}
	hb_font_destroy(font);
	size_t len;
	char *cmap = font_cmap_make(cps, glyphs, n, &len);
	free(glyphs);
	if (!cmap)
		return hb_face_reference(subset);
	hb_face_t *builder = hb_face_builder_create();
	hb_tag_t tags[64];
	unsigned count = 64;
	hb_face_get_table_tags(subset, 0, &count, tags);
	for (unsigned i = 0; i < count; i++) {
		hb_blob_t *table = tags[i] == HB_TAG('c', 'm', 'a', 'p')
					   ? hb_blob_create(cmap, (unsigned)len,
							    HB_MEMORY_MODE_READONLY, NULL, NULL)
					   : hb_face_reference_table(subset, tags[i]);
		hb_face_builder_add_table(builder, tags[i], table);
		hb_blob_destroy(table);
	}
	/* the builder serializes when asked for its blob: cmap must live until then */
	hb_blob_t *blob = hb_face_reference_blob(builder);
	hb_face_destroy(builder);
	free(cmap);
	hb_face_t *rebuilt = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	return rebuilt;
}

char *font_subset_make(const struct font_face *face, const uint32_t *cps, size_t n,
		       bool compact_cmap, size_t *len, unsigned *nglyphs)
{
	hb_subset_input_t *input = hb_subset_input_create_or_fail();
	if (!input)
		return NULL;
	hb_set_t *unicodes = hb_subset_input_unicode_set(input);
	for (size_t i = 0; i < n; i++)
		hb_set_add(unicodes, cps[i]);
	/* Hinting is for screens at small sizes; a printed report does not
	 * need it and it is a large part of these fonts.  Glyph ids are not
	 * retained: see font_subset.h. */
	hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
	hb_face_t *subset = hb_subset_or_fail((hb_face_t *)font_face_hb_face(face), input);
	hb_subset_input_destroy(input);
	if (!subset)
		return NULL;
	/* a face read from the subset's bytes: the one hb-subset returns
	 * is a builder, which cannot list its tables */
	hb_blob_t *bytes = hb_face_reference_blob(subset);
	hb_face_destroy(subset);
	hb_face_t *parsed = hb_face_create(bytes, 0);
	hb_blob_destroy(bytes);
	subset = compact_cmap ? with_compact_cmap(parsed, cps, n) : hb_face_reference(parsed);
	hb_face_destroy(parsed);
	*nglyphs = hb_face_get_glyph_count(subset);
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
