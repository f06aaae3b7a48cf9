/* A font file read with HarfBuzz: character map, advances, the glyph
 * check and the descriptor's metrics.  Nothing here draws or embeds. */
#include "font_face.h"

#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct font_face {
	char *path;
	char *family;
	char *postscript_name;
	hb_blob_t *blob;
	hb_face_t *face;
	hb_font_t *font;
	unsigned upem;
	hb_blob_t *glyf, *loca;
	bool long_loca;
	unsigned nglyphs;
};

static unsigned read_u16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t read_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

struct font_face *font_face_open(const char *path, unsigned index, char **error)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob) {
		*error = xasprintf("无法读取字体文件 %s", path);
		return NULL;
	}
	if (index >= hb_face_count(blob)) {
		hb_blob_destroy(blob);
		*error = xasprintf("%s 不是可用的 TrueType 字体文件", path);
		return NULL;
	}
	struct font_face *f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->blob = blob;
	f->face = hb_face_create(blob, index);
	f->glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	f->loca = hb_face_reference_table(f->face, HB_TAG('l', 'o', 'c', 'a'));
	hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned head_len;
	const unsigned char *h = (const unsigned char *)hb_blob_get_data(head, &head_len);
	f->long_loca = head_len >= 54 && read_u16(h + 50) == 1;
	hb_blob_destroy(head);
	f->nglyphs = hb_face_get_glyph_count(f->face);
	if (hb_blob_get_length(f->glyf) == 0 || hb_blob_get_length(f->loca) == 0) {
		/* the PDF embeds TrueType outlines only (FontFile2, no CFF) */
		*error = xasprintf("%s 没有 TrueType 字形（只能使用 TrueType 字体）", path);
		font_face_free(f);
		return NULL;
	}
	f->upem = hb_face_get_upem(f->face);
	f->font = hb_font_create(f->face);
	hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
	/* a damaged or cut file reads as a font without characters */
	static const uint32_t common[] = {'0', 'A', 0x4E00 /* 一 */, 0x7684 /* 的 */};
	bool any = false;
	for (size_t i = 0; i < sizeof common / sizeof common[0] && !any; i++)
		any = font_face_glyph(f, common[i]) != 0;
	if (!any) {
		*error = xasprintf("字体文件 %s 已损坏或不完整：读不出其中的字", path);
		font_face_free(f);
		return NULL;
	}
	char name[256];
	unsigned len = sizeof name;
	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_FONT_FAMILY,
				hb_language_from_string("en", -1), &len, name) == 0) {
		len = sizeof name;
		hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &len,
				    name);
	}
	f->family = xstrdup(len ? name : path);
	len = sizeof name;
	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
			    name);
	f->postscript_name = xstrdup(len ? name : f->family);
	return f;
}

void font_face_free(struct font_face *f)
{
	if (!f)
		return;
	hb_font_destroy(f->font);
	hb_blob_destroy(f->glyf);
	hb_blob_destroy(f->loca);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	free(f->family);
	free(f->postscript_name);
	free(f->path);
	free(f);
}

const char *font_face_path(const struct font_face *f)
{
	return f->path;
}

const char *font_face_family(const struct font_face *f)
{
	return f->family;
}

uint32_t font_face_glyph(const struct font_face *f, uint32_t cp)
{
	hb_codepoint_t glyph;
	if (!hb_font_get_nominal_glyph(f->font, cp, &glyph))
		return 0;
	return glyph;
}

int font_face_advance(const struct font_face *f, uint32_t cp)
{
	hb_codepoint_t glyph;
	if (!hb_font_get_nominal_glyph(f->font, cp, &glyph))
		glyph = 0;
	hb_position_t adv = hb_font_get_glyph_h_advance(f->font, glyph);
	return (int)(((int64_t)adv * 1000 + f->upem / 2) / f->upem);
}

/* The glyph's outline in glyf, or NULL when it is empty or out of range. */
static const unsigned char *glyph_data(const struct font_face *f, uint32_t glyph, size_t *len)
{
	unsigned loca_len, glyf_len;
	const unsigned char *loca = (const unsigned char *)hb_blob_get_data(f->loca, &loca_len);
	const unsigned char *glyf = (const unsigned char *)hb_blob_get_data(f->glyf, &glyf_len);
	size_t width = f->long_loca ? 4 : 2;
	if ((glyph + 2) * width > loca_len)
		return NULL;
	uint32_t start, end;
	if (f->long_loca) {
		start = read_u32(loca + glyph * 4);
		end = read_u32(loca + glyph * 4 + 4);
	} else {
		start = read_u16(loca + glyph * 2) * 2u;
		end = read_u16(loca + glyph * 2 + 2) * 2u;
	}
	if (end <= start || end > glyf_len || end - start < 10)
		return NULL;
	*len = end - start;
	return glyf + start;
}

/* Composite glyph flags (OpenType glyf table). */
#define ARG_1_AND_2_ARE_WORDS 0x0001
#define WE_HAVE_A_SCALE 0x0008
#define MORE_COMPONENTS 0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO 0x0080

static bool glyph_printable(const struct font_face *f, uint32_t glyph, int depth)
{
	size_t len;
	const unsigned char *g = glyph_data(f, glyph, &len);
	if (!g)
		return true;
	if ((int16_t)read_u16(g) >= 0)
		return true; /* a simple glyph */
	if (depth > 8)
		return false;
	size_t at = 10;
	for (;;) {
		if (at + 4 > len)
			return false;
		unsigned flags = read_u16(g + at), part = read_u16(g + at + 2);
		if (!glyph_printable(f, part, depth + 1))
			return false;
		at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
		if (flags & WE_HAVE_A_SCALE)
			at += 2;
		else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
			at += 4;
		else if (flags & WE_HAVE_A_TWO_BY_TWO)
			at += 8;
		if (!(flags & MORE_COMPONENTS))
			return true;
	}
}

bool font_face_glyph_printable(const struct font_face *f, uint32_t glyph)
{
	return glyph < f->nglyphs && glyph_printable(f, glyph, 0);
}

/* v font units in thousandths of the font size */
static int thousandths(const struct font_face *f, int v)
{
	return (int)lround((double)v * 1000 / f->upem);
}

void font_face_metrics(const struct font_face *f, struct font_face_metrics *m)
{
	hb_position_t ascent = 0, descent = 0, cap = 0;
	hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
						 &ascent);
	hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
						 &descent);
	hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
	m->ascent = thousandths(f, ascent);
	m->descent = thousandths(f, descent);
	m->cap_height = thousandths(f, cap);
	/* head: xMin, yMin, xMax, yMax at offset 36 */
	hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned len;
	const unsigned char *h = (const unsigned char *)hb_blob_get_data(head, &len);
	for (int i = 0; i < 4; i++)
		m->bbox[i] = len >= 44 ? thousandths(f, (int16_t)read_u16(h + 36 + 2 * i)) : 0;
	hb_blob_destroy(head);
	if (len < 44) {
		m->bbox[1] = m->descent;
		m->bbox[2] = 1000;
		m->bbox[3] = m->ascent;
	}
	/* OS/2: usWeightClass at offset 4; the font has no stem width of its own */
	hb_blob_t *os2 = hb_face_reference_table(f->face, HB_TAG('O', 'S', '/', '2'));
	const unsigned char *o = (const unsigned char *)hb_blob_get_data(os2, &len);
	double weight = len >= 6 ? read_u16(o + 4) : 400;
	hb_blob_destroy(os2);
	m->stem_v = (int)lround(50 + (weight / 65) * (weight / 65));
}

const char *font_face_postscript_name(const struct font_face *f)
{
	return f->postscript_name;
}

void *font_face_hb_face(const struct font_face *f)
{
	return f->face;
}
