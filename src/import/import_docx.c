/* Word files into blocks; see import_docx.h. */
#include "import_docx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "buf.h"
#include "diag.h"
#include "import_blocks.h"
#include "import_text.h"
#include "xalloc.h"

/* The document part of a report takes well under a MiB; more is refused
 * before it is inflated (a ZIP bomb says it is small, then is not). */
#define DOCUMENT_MAX_BYTES (64u << 20)

static bool refuse(struct diag_list *diags, const char *message)
{
	diag_list_add(diags, DIAG_ERROR, "import.format", NULL, 1, 1, message);
	return false;
}

/* word/document.xml of the archive, or NULL after an error. */
static char *document_part(const char *data, size_t len, size_t *out_len, struct diag_list *diags)
{
	zip_error_t error;
	zip_error_init(&error);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &error);
	zip_t *zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : NULL;
	zip_error_fini(&error);
	if (!zip) {
		if (src)
			zip_source_free(src);
		refuse(diags, "这个文件像 ZIP 压缩文件（.docx 就是一种），但已损坏，无法打开");
		return NULL;
	}
	char *part = NULL;
	zip_stat_t st;
	zip_int64_t index = zip_name_locate(zip, "word/document.xml", 0);
	if (index < 0 || zip_stat_index(zip, (zip_uint64_t)index, 0, &st) != 0) {
		refuse(diags,
		       "这是 ZIP 压缩文件，但不是 Word 文档（.docx）：其中没有 word/document.xml");
	} else if (!(st.valid & ZIP_STAT_SIZE) || st.size > DOCUMENT_MAX_BYTES) {
		refuse(diags, "Word 文档的正文部分太大（超过 64 MiB），无法读取");
	} else {
		zip_file_t *file = zip_fopen_index(zip, (zip_uint64_t)index, 0);
		part = file ? xmalloc((size_t)st.size + 1) : NULL;
		zip_int64_t got = file ? zip_fread(file, part, st.size) : -1;
		if (file)
			zip_fclose(file);
		if (got < 0 || (zip_uint64_t)got != st.size) {
			free(part);
			part = NULL;
			bool encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
					 st.encryption_method != ZIP_EM_NONE;
			refuse(diags,
			       encrypted ? "Word 文档加了密码，无法读取；请去掉密码另存后再导入"
					 : "Word 文档的正文部分已损坏，无法读取");
		} else {
			part[st.size] = '\0';
			*out_len = (size_t)st.size;
		}
	}
	zip_discard(zip);
	return part;
}

static bool is_w(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

static long val_of(const xmlNode *n, long fallback)
{
	xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)"val") : NULL;
	long k = v ? strtol((const char *)v, NULL, 10) : fallback;
	xmlFree(v);
	return k;
}

/* The text of a paragraph's runs: w:t, tabs and breaks; not deleted text
 * of tracked changes nor field codes. */
static void run_text(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(c, "t")) {
			xmlChar *s = xmlNodeGetContent(c);
			buf_adds(b, s ? (const char *)s : "");
			xmlFree(s);
		} else if (is_w(c, "tab")) {
			buf_addc(b, '\t');
		} else if (is_w(c, "br") || is_w(c, "cr")) {
			buf_addc(b, '\n');
		} else if (!is_w(c, "del") && !is_w(c, "instrText") && !is_w(c, "delText") &&
			   !is_w(c, "pPr") && !is_w(c, "rPr")) {
			run_text(c, b);
		}
	}
}

static bool heading_style(const xmlNode *p)
{
	xmlChar *v = NULL;
	const xmlNode *style = child(child(p, "pPr"), "pStyle");
	if (style)
		v = xmlGetProp(style, (const xmlChar *)"val");
	bool yes = v && (strncmp((const char *)v, "Heading", 7) == 0 ||
			 strncmp((const char *)v, "heading", 7) == 0 ||
			 strcmp((const char *)v, "Title") == 0);
	xmlFree(v);
	return yes;
}

struct docx_reader {
	struct import_blocks *b;
	int number;	/* paragraphs and table rows so far: a diagnostic's LINE */
	int paragraphs; /* paragraphs so far, empty ones too, as Word counts them */
	int tables;	/* tables read as grids so far */
	struct buf text;
};

static void read_body(struct docx_reader *r, const xmlNode *body);

static bool has_table_inside(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (is_w(c, "tbl") || (c->type == XML_ELEMENT_NODE && has_table_inside(c)))
			return true;
	return false;
}

/* The text of a cell's paragraphs, one line. */
static void cell_text(const xmlNode *tc, struct buf *b)
{
	for (const xmlNode *c = tc->children; c; c = c->next)
		if (is_w(c, "p") || is_w(c, "sdt")) {
			if (b->len)
				buf_addc(b, ' ');
			run_text(c, b);
		}
	for (size_t i = 0; i < b->len; i++)
		if (b->data[i] == '\n' || b->data[i] == '\t')
			b->data[i] = ' ';
}

/* Where a cell merged downwards started, per grid column. */
struct origin {
	size_t row, cell; /* row (size_t)-1: none */
};

static void read_table(struct docx_reader *r, const xmlNode *tbl)
{
	struct import_block *block = import_blocks_add(r->b, IMPORT_BLOCK_TABLE);
	struct origin *origins = NULL;
	size_t norigins = 0, cap = 0;
	struct buf text;
	buf_init(&text);
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		if (!is_w(tr, "tr"))
			continue;
		struct import_row *row = import_block_add_row(block, ++r->number);
		size_t col = (size_t)val_of(child(child(tr, "trPr"), "gridBefore"), 0);
		for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
			if (!is_w(tc, "tc"))
				continue;
			const xmlNode *pr = child(tc, "tcPr");
			long span = val_of(child(pr, "gridSpan"), 1);
			size_t colspan = span < 1			? 1
					 : span > IMPORT_LINE_MAX_CELLS ? IMPORT_LINE_MAX_CELLS
									: (size_t)span;
			const xmlNode *vmerge = child(pr, "vMerge");
			xmlChar *how = vmerge ? xmlGetProp(vmerge, (const xmlChar *)"val") : NULL;
			bool restart = how && strcmp((const char *)how, "restart") == 0;
			bool goes_on = vmerge && !restart;
			xmlFree(how);
			if (col + colspan > norigins) {
				origins = xgrow(origins, &cap, col + colspan, sizeof *origins);
				for (size_t c = norigins; c < col + colspan; c++)
					origins[c] = (struct origin){(size_t)-1, 0};
				norigins = col + colspan;
			}
			if (goes_on && origins[col].row != (size_t)-1) {
				struct import_row *from = &block->rows[origins[col].row];
				if (origins[col].cell < from->ncells)
					from->cells[origins[col].cell].rowspan++;
				col += colspan;
				continue;
			}
			buf_clear(&text);
			cell_text(tc, &text);
			size_t before = row->ncells;
			import_row_add_cell(row, text.data, text.len, row->number, (int)col + 1,
					    col, 1, colspan);
			struct origin o = {(size_t)-1, 0};
			if (restart && row->ncells > before)
				o = (struct origin){block->nrows - 1, before};
			for (size_t c = col; c < col + colspan; c++)
				origins[c] = o;
			col += colspan;
		}
		if (block->ncolumns < col)
			block->ncolumns = col;
	}
	import_block_number_cells(block, ++r->tables);
	import_block_join_rows(block);
	buf_fini(&text);
	free(origins);
}

static void read_flow_table(struct docx_reader *r, const xmlNode *tbl)
{
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next)
		for (const xmlNode *tc = is_w(tr, "tr") ? tr->children : NULL; tc; tc = tc->next)
			if (is_w(tc, "tc"))
				read_body(r, tc);
}

static void read_body(struct docx_reader *r, const xmlNode *body)
{
	for (const xmlNode *n = body->children; n; n = n->next) {
		if (is_w(n, "p")) {
			buf_clear(&r->text);
			run_text(n, &r->text);
			++r->number;
			size_t first = r->b->nblocks;
			import_text_add_paragraph(r->b, heading_style(n), r->text.data, r->text.len,
						  r->number);
			struct import_pos pos = {.paragraph = ++r->paragraphs};
			import_blocks_set_pos(r->b, first, &pos);
		} else if (is_w(n, "tbl")) {
			if (has_table_inside(n))
				read_flow_table(r, n);
			else
				read_table(r, n);
		} else if (is_w(n, "sdt")) {
			const xmlNode *content = child(n, "sdtContent");
			if (content)
				read_body(r, content);
		}
	}
}

bool import_docx_read(struct import_blocks *b, const char *data, size_t len,
		      struct diag_list *diags)
{
	import_blocks_init(b, "Word 文档");
	size_t xml_len = 0;
	char *xml = document_part(data, len, &xml_len, diags);
	if (!xml)
		return false;
	xmlDocPtr doc = xml_len <= INT32_MAX
				? xmlReadMemory(xml, (int)xml_len, NULL, NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR |
							XML_PARSE_NOWARNING | XML_PARSE_COMPACT)
				: NULL;
	free(xml);
	const xmlNode *body = doc ? child(xmlDocGetRootElement(doc), "body") : NULL;
	if (!body) {
		if (doc)
			xmlFreeDoc(doc);
		return refuse(diags,
			      "Word 文档的正文（word/document.xml）不是有效的 XML，无法读取");
	}
	struct docx_reader r = {.b = b};
	buf_init(&r.text);
	read_body(&r, body);
	buf_fini(&r.text);
	xmlFreeDoc(doc);
	return true;
}
