/* The Word document (render_docx.h).  The parts of the package are few
 * and written by us: [Content_Types].xml, the relationships, the core
 * properties (title, organ), the styles (Title, Heading 1, the body and
 * table texts, a ruled table) and the document.  The tables are drawn
 * from render_grid, as the page is, so that both merge the same cells:
 * a cell spanning columns is one w:tc with w:gridSpan, one spanning rows
 * starts a w:vMerge that each row under it continues with an empty cell. */
#include "render_docx.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>

#include "form.h"
#include "package.h"
#include "render_grid.h"
#include "report.h"
#include "templates.h"
#include "xalloc.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* A4 and the margins of GB/T 9704-2012, in twentieths of a point. */
#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_TOP 2098	   /* 37 mm */
#define MARGIN_BOTTOM 1984 /* 35 mm */
#define MARGIN_LEFT 1588   /* 28 mm */
#define MARGIN_RIGHT 1474  /* 26 mm */
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT)

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" "
	"ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
	"vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" "
	"ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"</Types>\n";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_BASE "officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"</Relationships>\n";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_BASE "styles\" Target=\"styles.xml\"/>"
	"</Relationships>\n";

/* One XML part being written. */
struct part {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
};

static void part_begin(struct part *p)
{
	p->buf = xmlBufferCreate();
	p->w = p->buf ? xmlNewTextWriterMemory(p->buf, 0) : NULL;
	if (!p->w)
		abort(); /* libxml2 only fails here when out of memory */
	xmlTextWriterStartDocument(p->w, NULL, "UTF-8", "yes");
}

/* Ends the part and returns its text (the caller frees it). */
static char *part_end(struct part *p, size_t *len)
{
	xmlTextWriterEndDocument(p->w);
	xmlFreeTextWriter(p->w);
	*len = (size_t)xmlBufferLength(p->buf);
	char *text = xstrndup((const char *)xmlBufferContent(p->buf), *len);
	xmlBufferFree(p->buf);
	return text;
}

static void start(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

static void end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static void attr_int(xmlTextWriterPtr w, const char *name, long value)
{
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%ld", value);
}

/* <NAME w:val="VALUE"/> */
static void val(xmlTextWriterPtr w, const char *name, const char *value)
{
	start(w, name);
	attr(w, "w:val", value);
	end(w);
}

static void fonts_el(xmlTextWriterPtr w, const char *font)
{
	start(w, "w:rFonts");
	attr(w, "w:ascii", font);
	attr(w, "w:hAnsi", font);
	attr(w, "w:eastAsia", font);
	attr(w, "w:cs", font);
	end(w);
}

static void size_el(xmlTextWriterPtr w, int half_points)
{
	start(w, "w:sz");
	attr_int(w, "w:val", half_points);
	end(w);
	start(w, "w:szCs");
	attr_int(w, "w:val", half_points);
	end(w);
}

/* A paragraph of one run: style, text; align may be NULL. */
static void paragraph(xmlTextWriterPtr w, const char *style, const char *align, const char *text,
		      size_t len)
{
	start(w, "w:p");
	start(w, "w:pPr");
	val(w, "w:pStyle", style);
	if (align)
		val(w, "w:jc", align);
	end(w);
	if (len) {
		start(w, "w:r");
		start(w, "w:t");
		attr(w, "xml:space", "preserve");
		xmlTextWriterWriteFormatString(w, "%.*s", (int)len, text);
		end(w);
		end(w);
	}
	end(w);
}

static void paragraph_s(xmlTextWriterPtr w, const char *style, const char *align, const char *text)
{
	paragraph(w, style, align, text, strlen(text));
}

/* A style: id, its name (Word knows "Title" and "heading 1" as its own),
 * font, size, alignment, first-line indent in hundredths of a character. */
struct style_def {
	const char *id, *name;
	int role; /* 0 title, 1 heading, 2 body, 3 table */
	int half_points;
	const char *align;
	int first_line_chars;
	int outline; /* -1 none */
	bool bold;
};

static const struct style_def styles[] = {
	{"Normal", "Normal", 2, 32, "both", 200, -1, false},
	{"Title", "Title", 0, 44, "center", 0, -1, false},
	{"Heading1", "heading 1", 1, 32, "left", 200, 0, false},
	{"Caption", "caption", 3, 24, "left", 0, -1, true},
	{"DraftMark", "Draft Mark", 2, 32, "center", 0, -1, true},
	{"Signature", "Signature", 2, 32, "right", 0, -1, false},
	{"TableHead", "Table Head", 3, 21, "center", 0, -1, false},
	{"TableLabel", "Table Label", 3, 21, "left", 0, -1, false},
	{"TableNumber", "Table Number", 3, 21, "right", 0, -1, false},
};

static char *styles_part(const struct docx_fonts *fonts, size_t *len)
{
	const char *role_fonts[4] = {
		fonts && fonts->title ? fonts->title : "AR PL SungtiL GB",
		fonts && fonts->heading ? fonts->heading : "AR PL KaitiM GB",
		fonts && fonts->body ? fonts->body : "AR PL SungtiL GB",
		fonts && fonts->table ? fonts->table : "AR PL SungtiL GB",
	};
	struct part p;
	part_begin(&p);
	xmlTextWriterPtr w = p.w;
	start(w, "w:styles");
	attr(w, "xmlns:w", NS_W);
	start(w, "w:docDefaults");
	start(w, "w:rPrDefault");
	start(w, "w:rPr");
	fonts_el(w, role_fonts[2]);
	size_el(w, 32);
	val(w, "w:lang", "zh-CN");
	end(w);
	end(w);
	end(w);
	for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
		const struct style_def *s = &styles[i];
		start(w, "w:style");
		attr(w, "w:type", "paragraph");
		attr(w, "w:styleId", s->id);
		if (i == 0)
			attr(w, "w:default", "1");
		val(w, "w:name", s->name);
		if (i)
			val(w, "w:basedOn", "Normal");
		val(w, "w:qFormat", "1");
		start(w, "w:pPr");
		if (s->outline >= 0)
			start(w, "w:keepNext"), end(w);
		start(w, "w:spacing");
		attr(w, "w:before", "0");
		attr(w, "w:after", s->outline >= 0 || i == 1 ? "160" : "0");
		if (s->role != 3 && i != 1) { /* the 22 lines of a page of GB/T 9704 */
			attr(w, "w:line", "579");
			attr(w, "w:lineRule", "exact");
		}
		end(w);
		start(w, "w:ind");
		attr_int(w, "w:firstLineChars", s->first_line_chars);
		attr(w, "w:firstLine", s->first_line_chars ? "640" : "0");
		end(w);
		val(w, "w:jc", s->align);
		if (s->outline >= 0) {
			start(w, "w:outlineLvl");
			attr_int(w, "w:val", s->outline);
			end(w);
		}
		end(w);
		start(w, "w:rPr");
		fonts_el(w, role_fonts[s->role]);
		if (s->bold)
			start(w, "w:b"), end(w);
		size_el(w, s->half_points);
		end(w);
		end(w);
	}
	/* the ruled table every table of the report uses */
	start(w, "w:style");
	attr(w, "w:type", "table");
	attr(w, "w:styleId", "TableGrid");
	val(w, "w:name", "Table Grid");
	start(w, "w:tblPr");
	start(w, "w:tblBorders");
	static const char *const sides[] = {"w:top",   "w:left",    "w:bottom",
					    "w:right", "w:insideH", "w:insideV"};
	for (size_t i = 0; i < 6; i++) {
		start(w, sides[i]);
		attr(w, "w:val", "single");
		attr(w, "w:sz", "4");
		attr(w, "w:space", "0");
		attr(w, "w:color", "000000");
		end(w);
	}
	end(w);
	start(w, "w:tblCellMar");
	start(w, "w:left");
	attr(w, "w:w", "60");
	attr(w, "w:type", "dxa");
	end(w);
	start(w, "w:right");
	attr(w, "w:w", "60");
	attr(w, "w:type", "dxa");
	end(w);
	end(w);
	end(w);
	end(w);
	end(w);
	return part_end(&p, len);
}

static const char *const cell_style[] = {
	[GRID_CORNER] = "TableHead",	 [GRID_COLUMN] = "TableHead",
	[GRID_COLUMN_SET] = "TableHead", [GRID_ROW_GROUP] = "TableLabel",
	[GRID_ROW] = "TableLabel",	 [GRID_VALUE] = "TableNumber",
};

/* The width of grid column x: in a table by rows the labels take half
 * the text block, group labels narrow and the rows' own the rest, and
 * the values share the other half. */
static long column_width(const struct render_grid *g, const struct form_table *t, size_t x)
{
	size_t labels = g->ncolumns - (t->print_one_row ? g->ncolumns : t->columns->ncolumns);
	long half = TEXT_W / 2, group = TEXT_W * 11 / 100;
	if (!labels)
		return TEXT_W / (long)g->ncolumns;
	if (x < labels)
		return x + 1 < labels ? group : half - group * (long)(labels - 1);
	return (TEXT_W - half) / (long)(g->ncolumns - labels);
}

static void add_cell(xmlTextWriterPtr w, const struct render_grid *g, const struct form_table *t,
		     const struct grid_cell *c, bool first_row)
{
	long width = 0;
	for (size_t x = c->column; x < c->column + c->colspan; x++)
		width += column_width(g, t, x);
	start(w, "w:tc");
	start(w, "w:tcPr");
	start(w, "w:tcW");
	attr_int(w, "w:w", width);
	attr(w, "w:type", "dxa");
	end(w);
	if (c->colspan > 1) {
		start(w, "w:gridSpan");
		attr_int(w, "w:val", (long)c->colspan);
		end(w);
	}
	if (c->rowspan > 1) {
		start(w, "w:vMerge");
		if (first_row)
			attr(w, "w:val", "restart");
		end(w);
	}
	val(w, "w:vAlign", "center");
	end(w);
	if (first_row)
		paragraph_s(w, cell_style[c->kind], NULL, c->text);
	else
		paragraph(w, cell_style[c->kind], NULL, "", 0);
	end(w);
}

static void add_table(xmlTextWriterPtr w, const struct form_table *t, const struct report *r)
{
	struct render_grid g;
	render_grid_init(&g, t, r);
	if (t->title)
		paragraph_s(w, "Caption", NULL, t->title);
	start(w, "w:tbl");
	start(w, "w:tblPr");
	val(w, "w:tblStyle", "TableGrid");
	start(w, "w:tblW");
	attr_int(w, "w:w", TEXT_W);
	attr(w, "w:type", "dxa");
	end(w);
	start(w, "w:tblLayout");
	attr(w, "w:type", "fixed");
	end(w);
	end(w);
	start(w, "w:tblGrid");
	for (size_t x = 0; x < g.ncolumns; x++) {
		start(w, "w:gridCol");
		attr_int(w, "w:w", column_width(&g, t, x));
		end(w);
	}
	end(w);
	for (size_t y = 0; y < g.nrows; y++) {
		start(w, "w:tr");
		start(w, "w:trPr");
		start(w, "w:cantSplit");
		end(w);
		if (y < g.header_rows)
			start(w, "w:tblHeader"), end(w);
		end(w);
		for (size_t x = 0; x < g.ncolumns;) {
			const struct grid_cell *c = render_grid_at(&g, y, x);
			add_cell(w, &g, t, c, c->row == y);
			x = c->column + c->colspan;
		}
		end(w);
	}
	end(w);
	render_grid_fini(&g);
}

static char *document_part(const struct report *r, size_t *len)
{
	const struct form *f = r->form;
	struct part p;
	part_begin(&p);
	xmlTextWriterPtr w = p.w;
	start(w, "w:document");
	attr(w, "xmlns:w", NS_W);
	attr(w, "xmlns:r", NS_R);
	start(w, "w:body");
	if (r->draft)
		paragraph_s(w, "DraftMark", NULL, templates_get(TEMPLATES_TEXT_DRAFT_LINE));
	char *title = report_title(r);
	paragraph_s(w, "Title", NULL, title);
	free(title);
	for (size_t s = 0; s < f->nsections; s++) {
		const struct form_section *sec = &f->sections[s];
		paragraph_s(w, "Heading1", NULL, sec->heading);
		for (size_t i = 0; i < sec->nitems; i++) {
			const struct form_item *item = &sec->items[i];
			if (item->kind == FORM_ITEM_TABLE) {
				add_table(w, &f->tables[item->index], r);
				continue;
			}
			const char *text = r->texts[item->index];
			size_t n;
			for (const char *q; (q = render_next_paragraph(&text, &n));)
				paragraph(w, "Normal", NULL, q, n);
		}
	}
	if (r->issued_on.year) {
		char *date = templates_signature_date(r->issued_on.year, r->issued_on.month,
						      r->issued_on.day);
		paragraph(w, "Signature", NULL, "", 0);
		paragraph_s(w, "Signature", NULL, r->organ);
		paragraph_s(w, "Signature", NULL, date);
		free(date);
	}
	start(w, "w:sectPr");
	start(w, "w:pgSz");
	attr_int(w, "w:w", PAGE_W);
	attr_int(w, "w:h", PAGE_H);
	end(w);
	start(w, "w:pgMar");
	attr_int(w, "w:top", MARGIN_TOP);
	attr_int(w, "w:right", MARGIN_RIGHT);
	attr_int(w, "w:bottom", MARGIN_BOTTOM);
	attr_int(w, "w:left", MARGIN_LEFT);
	attr(w, "w:header", "851");
	attr(w, "w:footer", "992");
	attr(w, "w:gutter", "0");
	end(w);
	end(w);
	end(w);
	end(w);
	return part_end(&p, len);
}

static char *core_part(const struct report *r, size_t *len)
{
	struct part p;
	part_begin(&p);
	xmlTextWriterPtr w = p.w;
	start(w, "cp:coreProperties");
	attr(w, "xmlns:cp",
	     "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	char *title = report_title(r);
	start(w, "dc:title");
	xmlTextWriterWriteString(w, BAD_CAST title);
	end(w);
	free(title);
	start(w, "dc:creator");
	xmlTextWriterWriteString(w, BAD_CAST r->organ);
	end(w);
	start(w, "dc:language");
	xmlTextWriterWriteString(w, BAD_CAST "zh-CN");
	end(w);
	end(w);
	return part_end(&p, len);
}

char *render_docx(const struct report *r, const struct docx_fonts *fonts, size_t *len, char **error)
{
	enum { TYPES, RELS, DOC_RELS, CORE, STYLES, DOCUMENT, NPARTS };
	static const char *const names[NPARTS] = {
		"[Content_Types].xml", "_rels/.rels",	  "word/_rels/document.xml.rels",
		"docProps/core.xml",   "word/styles.xml", "word/document.xml",
	};
	char *data[NPARTS];
	size_t lens[NPARTS];
	data[TYPES] = xstrdup(content_types);
	lens[TYPES] = strlen(content_types);
	data[RELS] = xstrdup(package_rels);
	lens[RELS] = strlen(package_rels);
	data[DOC_RELS] = xstrdup(document_rels);
	lens[DOC_RELS] = strlen(document_rels);
	data[CORE] = core_part(r, &lens[CORE]);
	data[STYLES] = styles_part(fonts, &lens[STYLES]);
	data[DOCUMENT] = document_part(r, &lens[DOCUMENT]);
	char *out = package_zip(names, data, lens, NPARTS, "DOCX", len, error);
	for (size_t i = 0; i < NPARTS; i++)
		free(data[i]);
	return out;
}
