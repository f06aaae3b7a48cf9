/* The Type0 fonts nianbao writes itself; see pdf_cidfont.h.  This file
 * and render_pdf.c are the ones that know libharu: here its object layer
 * (hpdf_objects.h) and its page's content stream (hpdf_pages.h). */
#include "pdf_cidfont.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "font_face.h"
#include "font_subset.h"
#include "pdf_tounicode.h"
#include "utf8.h"
#include "xalloc.h"

#define BMP 0x10000u
/* The width of a glyph the W array does not list: a CJK character's. */
#define DEFAULT_WIDTH 1000

/* The name a subset goes by: six capitals drawn from its PostScript name
 * and glyphs, then the name (PDF 9.6.4), so that two subsets of one face
 * are told apart and the same report gives the same name. */
static char *subset_name(const char *postscript, const uint32_t *glyphs, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (const char *p = postscript; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ glyphs[i]) * 1099511628211u;
	char *name = xmalloc(7 + strlen(postscript) + 1);
	for (int i = 0; i < 6; i++, h /= 26)
		name[i] = (char)('A' + h % 26);
	name[6] = '+';
	/* a PDF name of the characters a PostScript name may have */
	size_t len = 7;
	for (const char *p = postscript; *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.')
			name[len++] = *p;
	name[len] = '\0';
	if (len == 7)
		strcpy(name + len, "Font");
	return name;
}

static HPDF_Dict new_object(HPDF_Doc pdf)
{
	HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
	if (dict && HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK)
		return NULL; /* the xref has freed it */
	return dict;
}

/* The W array: runs of consecutive glyphs whose widths are not the
 * default, as "first [w1 w2 ...]". */
static HPDF_Array widths_array(HPDF_Doc pdf, const int *width, uint32_t nglyphs)
{
	HPDF_Array w = HPDF_Array_New(pdf->mmgr);
	if (!w)
		return NULL;
	for (uint32_t g = 1; g < nglyphs;) {
		if (width[g] == DEFAULT_WIDTH) {
			g++;
			continue;
		}
		HPDF_Array run = HPDF_Array_New(pdf->mmgr);
		if (!run || HPDF_Array_AddNumber(w, (HPDF_INT32)g) != HPDF_OK ||
		    HPDF_Array_Add(w, run) != HPDF_OK)
			return NULL;
		for (; g < nglyphs && width[g] != DEFAULT_WIDTH; g++)
			if (HPDF_Array_AddNumber(run, width[g]) != HPDF_OK)
				return NULL;
	}
	return w;
}

static HPDF_Array number_array(HPDF_Doc pdf, const int *v, size_t n)
{
	HPDF_Array a = HPDF_Array_New(pdf->mmgr);
	for (size_t i = 0; a && i < n; i++)
		if (HPDF_Array_AddNumber(a, v[i]) != HPDF_OK)
			return NULL;
	return a;
}

static HPDF_Dict system_info(HPDF_Doc pdf)
{
	HPDF_Dict info = HPDF_Dict_New(pdf->mmgr);
	if (!info ||
	    HPDF_Dict_Add(info, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL)) != HPDF_OK ||
	    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL)) !=
		    HPDF_OK ||
	    HPDF_Dict_AddNumber(info, "Supplement", 0) != HPDF_OK)
		return NULL;
	return info;
}

/* The FontDescriptor with an empty FontFile2 stream; *program: that stream. */
static HPDF_Dict descriptor(HPDF_Doc pdf, const struct font_face *face, const char *name,
			    size_t program_len, HPDF_Dict *program)
{
	struct font_face_metrics m;
	font_face_metrics(face, &m);
	HPDF_Dict d = new_object(pdf);
	*program = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!d || !*program)
		return NULL;
	HPDF_STATUS ret = HPDF_Dict_AddNumber(*program, "Length1", (HPDF_INT32)program_len);
	ret += HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	ret += HPDF_Dict_AddName(d, "FontName", name);
	/* symbolic: its glyphs are not of the Latin standard set */
	ret += HPDF_Dict_AddNumber(d, "Flags", 4);
	ret += HPDF_Dict_Add(d, "FontBBox", number_array(pdf, m.bbox, 4));
	ret += HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
	ret += HPDF_Dict_AddNumber(d, "Ascent", m.ascent);
	ret += HPDF_Dict_AddNumber(d, "Descent", m.descent);
	ret += HPDF_Dict_AddNumber(d, "CapHeight", m.cap_height);
	ret += HPDF_Dict_AddNumber(d, "StemV", m.stem_v);
	ret += HPDF_Dict_Add(d, "FontFile2", *program);
	return ret == HPDF_OK ? d : NULL;
}

/* The objects of the font; false when libharu could not make one. */
static bool add_objects(HPDF_Doc pdf, const struct font_face *face, const uint32_t *cps,
			const uint32_t *glyphs, size_t n, struct pdf_cidfont *font)
{
	uint32_t nglyphs = 1;
	for (size_t i = 0; i < n; i++)
		if (glyphs[i] >= nglyphs)
			nglyphs = glyphs[i] + 1;
	int *width = xmalloc(nglyphs * sizeof *width);
	for (uint32_t g = 0; g < nglyphs; g++)
		width[g] = DEFAULT_WIDTH;
	/* the code order the CMap wants: by glyph, each once */
	uint32_t *by_glyph = xcalloc(nglyphs, sizeof *by_glyph);
	for (size_t i = 0; i < n; i++) {
		width[glyphs[i]] = font_face_advance(face, cps[i]);
		if (glyphs[i] && !by_glyph[glyphs[i]])
			by_glyph[glyphs[i]] = cps[i];
	}
	uint32_t *codes = xmalloc(nglyphs * sizeof *codes);
	uint32_t *chars = xmalloc(nglyphs * sizeof *chars);
	size_t ncodes = 0;
	for (uint32_t g = 1; g < nglyphs; g++)
		if (by_glyph[g]) {
			codes[ncodes] = g;
			chars[ncodes++] = by_glyph[g];
		}
	char *name = subset_name(font_face_postscript_name(face), codes, ncodes);

	HPDF_Dict program = NULL;
	HPDF_Dict desc = descriptor(pdf, face, name, font->program_len, &program);
	HPDF_Dict cid = new_object(pdf);
	HPDF_Dict tounicode = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
	font->dict = new_object(pdf);
	bool ok = desc && cid && tounicode && descendants && font->dict;
	if (ok) {
		HPDF_STATUS ret = HPDF_Dict_AddName(cid, "Type", "Font");
		ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
		ret += HPDF_Dict_AddName(cid, "BaseFont", name);
		ret += HPDF_Dict_Add(cid, "CIDSystemInfo", system_info(pdf));
		ret += HPDF_Dict_Add(cid, "FontDescriptor", desc);
		ret += HPDF_Dict_AddNumber(cid, "DW", DEFAULT_WIDTH);
		ret += HPDF_Dict_Add(cid, "W", widths_array(pdf, width, nglyphs));
		ret += HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
		struct buf cmap;
		buf_init(&cmap);
		pdf_tounicode_cmap(&cmap, codes, chars, ncodes);
		ret += HPDF_Stream_Write(tounicode->stream, (const HPDF_BYTE *)cmap.data,
					 (HPDF_UINT)cmap.len);
		buf_fini(&cmap);
		ret += HPDF_Array_Add(descendants, cid);
		ret += HPDF_Dict_AddName(font->dict, "Type", "Font");
		ret += HPDF_Dict_AddName(font->dict, "Subtype", "Type0");
		ret += HPDF_Dict_AddName(font->dict, "BaseFont", name);
		ret += HPDF_Dict_AddName(font->dict, "Encoding", "Identity-H");
		ret += HPDF_Dict_Add(font->dict, "DescendantFonts", descendants);
		ret += HPDF_Dict_Add(font->dict, "ToUnicode", tounicode);
		ok = ret == HPDF_OK;
		font->program_object = program->header.obj_id & 0x00FFFFFF;
	}
	free(name);
	free(codes);
	free(chars);
	free(by_glyph);
	free(width);
	return ok;
}

bool pdf_cidfont_add(HPDF_Doc pdf, const struct font_face *face, const uint32_t *cps, size_t n,
		     struct pdf_cidfont *font, char **error)
{
	memset(font, 0, sizeof *font);
	uint32_t *glyphs = xmalloc((n ? n : 1) * sizeof *glyphs);
	font->program = font_subset_make(face, cps, n, glyphs, &font->program_len);
	if (!font->program) {
		free(glyphs);
		*error = xasprintf("无法从字体 %s 中取出所用的字（HarfBuzz 子集化失败）",
				   font_face_path(face));
		return false;
	}
	font->glyph = xcalloc(BMP, sizeof *font->glyph);
	for (size_t i = 0; i < n; i++)
		if (cps[i] < BMP && glyphs[i] < 0x10000)
			font->glyph[cps[i]] = (uint16_t)glyphs[i];
	bool ok = add_objects(pdf, face, cps, glyphs, n, font);
	free(glyphs);
	if (!ok) {
		*error = xasprintf("libharu 无法写入字体 %s 的对象", font_face_path(face));
		pdf_cidfont_fini(font);
	}
	return ok;
}

void pdf_cidfont_fini(struct pdf_cidfont *font)
{
	free(font->glyph);
	free(font->program);
	memset(font, 0, sizeof *font);
}

static HPDF_Stream content_of(HPDF_Page page)
{
	return ((HPDF_PageAttr)page->attr)->stream;
}

bool pdf_cidfont_select(HPDF_Page page, const struct pdf_cidfont *font, double size)
{
	const char *local = HPDF_Page_GetLocalFontName(page, font->dict);
	if (!local)
		return false;
	/* the size in points to 1/1000, written without the locale's help */
	long milli = lround(size * 1000);
	char op[64];
	int len = milli % 1000 ? snprintf(op, sizeof op, "/%s %ld.%03ld Tf\n", local, milli / 1000,
					  labs(milli % 1000))
			       : snprintf(op, sizeof op, "/%s %ld Tf\n", local, milli / 1000);
	return len > 0 && (size_t)len < sizeof op &&
	       HPDF_Stream_Write(content_of(page), (const HPDF_BYTE *)op, (HPDF_UINT)len) ==
		       HPDF_OK;
}

bool pdf_cidfont_show(HPDF_Page page, const struct pdf_cidfont *font, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf op;
	buf_init(&op);
	buf_addc(&op, '<');
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		i += utf8_decode(text + i, len - i, &cp, &valid);
		unsigned g = cp < BMP ? font->glyph[cp] : 0;
		char code[4] = {hex[g >> 12], hex[(g >> 8) & 15], hex[(g >> 4) & 15], hex[g & 15]};
		buf_add(&op, code, 4);
	}
	buf_adds(&op, "> Tj\n");
	bool ok = HPDF_Stream_Write(content_of(page), (const HPDF_BYTE *)op.data,
				    (HPDF_UINT)op.len) == HPDF_OK;
	buf_fini(&op);
	return ok;
}
