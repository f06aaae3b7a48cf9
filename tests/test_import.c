/* Import: every published seed gives its hand transcription, with the
 * guesses it had to make named at their lines; the standardized text of
 * every fixture imports back to the same report; hostile inputs are
 * refused with an error, in bounded time, and give no report. */
#include <dirent.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <zip.h>

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "import.h"
#include "import_blocks.h"
#include "import_docx.h"
#include "import_html.h"
#include "import_sniff.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "support.h"

static struct report *import_text(const char *text, size_t len, struct diag_list *diags,
				  const char **encoding)
{
	const char *ignored;
	return import_report(text, len, test_form()->form, encoding ? encoding : &ignored, diags);
}

static bool has_diag(const struct diag_list *diags, const char *rule, int line)
{
	for (size_t i = 0; i < diags->count; i++)
		if (strcmp(diags->items[i].rule, rule) == 0 &&
		    (!line || diags->items[i].line == line))
			return true;
	return false;
}

static void print_diags(const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		print_message("  %d:%d %s [%s]\n", diags->items[i].line, diags->items[i].column,
			      diags->items[i].message, diags->items[i].rule);
}

/* Where each seed's import had to guess: rule and line, or none. */
static const struct {
	const char *name;
	size_t nguesses;
	int lines[3];
} seeds[] = {
	{"seed-000", 0, {0}},	       {"seed-001", 0, {0}},
	{"seed-002", 1, {53}},	       /* 2.其他法律法规禁止公开 */
	{"seed-003", 3, {45, 46, 77}}, /* header lacks 其他; appeals lack the last 总计 */
	{"seed-004", 2, {54, 55}},     /* one number too many */
};

static void test_seeds_import_as_transcribed(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		char name[64];
		snprintf(name, sizeof name, "published/%s.txt", seeds[i].name);
		size_t len;
		char *text = test_read_data(name, &len);
		struct diag_list diags;
		diag_list_init(&diags);
		const char *encoding;
		struct report *got = import_text(text, len, &diags, &encoding);
		if (!got) {
			print_diags(&diags);
			fail_msg("%s does not import", name);
		}
		assert_string_equal(encoding, "UTF-8");
		snprintf(name, sizeof name, "%s.yaml", seeds[i].name);
		struct report *want = test_load(name);
		if (!report_equal(got, want)) {
			for (size_t c = 0; c < want->form->ncells; c++)
				if (got->numbers[c] != want->numbers[c] ||
				    (want->texts[c] && strcmp(got->texts[c], want->texts[c]) != 0))
					print_message("%s: %s differs: %zu/%zu [%s] [%s]\n", name,
						      want->form->cells[c].path,
						      got->texts[c] ? strlen(got->texts[c]) : 0,
						      want->texts[c] ? strlen(want->texts[c]) : 0,
						      got->texts[c] ? got->texts[c] : "",
						      want->texts[c] ? want->texts[c] : "");
			fail_msg("%s: import differs from the transcription", seeds[i].name);
		}
		if (diags.count != seeds[i].nguesses)
			print_diags(&diags);
		assert_int_equal(diags.count, seeds[i].nguesses);
		for (size_t g = 0; g < seeds[i].nguesses; g++)
			assert_true(has_diag(&diags, "import.guess", seeds[i].lines[g]));
		report_free(got);
		report_free(want);
		diag_list_fini(&diags);
		free(text);
	}
}

/* text with every tab replaced by with. */
static char *replace_tabs(const char *text, size_t len, const char *with, size_t *out_len)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\t')
			buf_adds(&b, with);
		else
			buf_addc(&b, text[i]);
	*out_len = b.len;
	return buf_take(&b);
}

/* The same tables with one cell per line, or aligned by spaces, give the
 * same data and the same guesses. */
static void test_other_layouts_read_the_same(void **state)
{
	(void)state;
	static const char *const layouts[] = {"\n\t", "\n", "   ", "\t\t"};
	for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
		if (strcmp(seeds[i].name, "seed-001") == 0)
			continue; /* already one cell per line */
		char name[64];
		snprintf(name, sizeof name, "published/%s.txt", seeds[i].name);
		size_t len;
		char *text = test_read_data(name, &len);
		snprintf(name, sizeof name, "%s.yaml", seeds[i].name);
		struct report *want = test_load(name);
		for (size_t k = 0; k < sizeof layouts / sizeof *layouts; k++) {
			size_t other_len;
			char *other = replace_tabs(text, len, layouts[k], &other_len);
			struct diag_list diags;
			diag_list_init(&diags);
			struct report *got = import_text(other, other_len, &diags, NULL);
			if (!got || !report_equal(got, want) || diags.count != seeds[i].nguesses) {
				print_diags(&diags);
				fail_msg("%s with tabs as “%s” reads otherwise", seeds[i].name,
					 layouts[k]);
			}
			report_free(got);
			diag_list_fini(&diags);
			free(other);
		}
		report_free(want);
		free(text);
	}
}

/* Renders name and imports the text; the report must come back equal. */
static void round_trip(const char *name)
{
	struct diag_list diags;
	diag_list_init(&diags);
	size_t len;
	char *yaml = test_read_data(name, &len);
	struct report *r = report_load_buffer(yaml, len, test_catalog(), NULL, &diags);
	free(yaml);
	if (!r) { /* fixtures that must not load are not reports */
		diag_list_fini(&diags);
		return;
	}
	char *text = render_text(r, &len);
	diag_list_clear(&diags);
	struct report *back = import_text(text, len, &diags, NULL);
	if (!back || diags.count) {
		print_diags(&diags);
		fail_msg("%s: its standardized text does not import cleanly", name);
	}
	if (!report_equal(r, back))
		fail_msg("%s: its standardized text imports to other data", name);
	report_free(back);
	report_free(r);
	free(text);
	diag_list_fini(&diags);
}

static void test_rendered_text_imports_back(void **state)
{
	(void)state;
	static const char *const dirs[] = {"", "broken/"};
	size_t tried = 0;
	for (size_t d = 0; d < 2; d++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", NIANBAO_TEST_DATA, dirs[d]);
		DIR *dir = opendir(path);
		assert_non_null(dir);
		struct dirent *e;
		while ((e = readdir(dir))) {
			size_t n = strlen(e->d_name);
			if (n < 5 || strcmp(e->d_name + n - 5, ".yaml") != 0)
				continue;
			snprintf(path, sizeof path, "%s%s", dirs[d], e->d_name);
			round_trip(path);
			tried++;
		}
		closedir(dir);
	}
	assert_true(tried >= 10);
}

/* A draft with its 落款 (organ and date) comes back with both. */
static void test_draft_mark_and_signature_come_back(void **state)
{
	(void)state;
	struct report *r = test_load("example-2024.yaml");
	r->draft = true;
	r->issued_on = (struct report_date){2025, 1, 20};
	size_t len;
	char *text = render_text(r, &len);
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *back = import_text(text, len, &diags, NULL);
	assert_non_null(back);
	assert_true(back->draft);
	assert_int_equal(back->issued_on.year, 2025);
	assert_int_equal(back->issued_on.day, 20);
	assert_true(report_equal(r, back));
	report_free(back);
	report_free(r);
	free(text);
	diag_list_fini(&diags);
}

static char *to_gb18030(const char *utf8, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	char *out = malloc(len * 2 + 1), *in = (char *)utf8, *o = out;
	size_t in_left = len, out_left = len * 2;
	assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
	iconv_close(cd);
	*out_len = len * 2 - out_left;
	return out;
}

static void test_gbk_text_is_read(void **state)
{
	(void)state;
	size_t len, gb_len;
	char *text = test_read_data("published/seed-003.txt", &len);
	char *gb = to_gb18030(text, len, &gb_len);
	assert_true(gb_len != len); /* really another encoding */
	struct diag_list diags;
	diag_list_init(&diags);
	const char *encoding;
	struct report *got = import_text(gb, gb_len, &diags, &encoding);
	assert_non_null(got);
	assert_string_equal(encoding, "GB18030");
	struct report *want = test_load("seed-003.yaml");
	assert_true(report_equal(got, want));
	report_free(got);
	report_free(want);
	diag_list_fini(&diags);
	free(gb);
	free(text);
}

/* Imports data, which must be refused with rule at line (0: any line). */
static void expect_refused(const char *data, size_t len, const char *rule, int line)
{
	struct diag_list diags;
	diag_list_init(&diags);
	clock_t start = clock();
	struct report *r = import_text(data, len, &diags, NULL);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	if (r || !has_diag(&diags, rule, line)) {
		print_diags(&diags);
		fail_msg("expected %s at line %d", rule, line);
	}
	assert_true(diags.items[0].message[0] != '\0');
	assert_true(seconds < 5); /* bounded, not a speed figure: bench.c measures */
	diag_list_fini(&diags);
}

/* seed-003 with its row 一 replaced by line. */
static char *seed_with_row(const char *row, size_t *len)
{
	size_t n;
	char *text = test_read_data("published/seed-003.txt", &n);
	const char *old = "一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t2";
	char *at = strstr(text, old);
	assert_non_null(at);
	struct buf b;
	buf_init(&b);
	buf_add(&b, text, (size_t)(at - text));
	buf_adds(&b, row);
	buf_adds(&b, at + strlen(old));
	free(text);
	*len = b.len;
	return buf_take(&b);
}

static void test_hostile_inputs_are_refused(void **state)
{
	(void)state;
	static const char binary[] = "\x7f"
				     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
	expect_refused(binary, sizeof binary - 1, "import.encoding", 1);
	static const char utf16[] = "\xff\xfe\x00\x4e\x01\x30";
	expect_refused(utf16, sizeof utf16 - 1, "import.encoding", 1);
	static const char utf16_no_bom[] = "2\0000\0002\0001\0\x74\x5e";
	expect_refused(utf16_no_bom, sizeof utf16_no_bom - 1, "import.encoding", 1);
	static const char latin1[] = "caf\xe9 \xff\xfe\xfd";
	expect_refused(latin1, sizeof latin1 - 1, "import.encoding", 1);
	static const char prose[] = "这是一封信。\n\n它不是年度报告。\n";
	expect_refused(prose, sizeof prose - 1, "import.report", 1);
	expect_refused("", 0, "import.encoding", 1);

	struct buf many;
	buf_init(&many);
	buf_adds(&many, "一、本年新收政府信息公开申请数量");
	for (int i = 0; i < 5000; i++)
		buf_adds(&many, "\t0");
	size_t len;
	char *text = seed_with_row(many.data, &len);
	expect_refused(text, len, "import.row", 45);
	free(text);
	buf_fini(&many);

	text = seed_with_row("一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t"
			     "123456789012345678901234567890",
			     &len);
	expect_refused(text, len, "value.count", 45);
	free(text);
	text = seed_with_row("一、本年新收政府信息公开申请数量\t1\t-1\t0\t0\t0\t0\t2", &len);
	expect_refused(text, len, "value.count", 45);
	free(text);
}

/* A row that is missing, or numbers under no row, are named, never 0 silently. */
static void test_what_cannot_be_placed_is_named(void **state)
{
	(void)state;
	size_t len;
	char *text = seed_with_row("一、本年新收政府信息公开申请数量\t1\t1\t0", &len);
	struct diag_list diags;
	diag_list_init(&diags);
	struct report *r = import_text(text, len, &diags, NULL);
	assert_non_null(r);
	assert_true(has_diag(&diags, "import.missing", 45));
	report_free(r);
	free(text);

	diag_list_clear(&diags);
	text = seed_with_row("\t7\t7", &len);
	r = import_text(text, len, &diags, NULL);
	assert_non_null(r);
	assert_true(has_diag(&diags, "import.missing", 40)); /* row 一 is gone */
	report_free(r);
	free(text);

	diag_list_clear(&diags);
	size_t n;
	char *seed = test_read_data("published/seed-002.txt", &n);
	char *at = strstr(seed, "行政许可\t3\t\t");
	assert_non_null(at);
	at[strlen("行政许可\t3\t")] = '4'; /* one number too many in a one-column row */
	r = import_text(seed, n, &diags, NULL);
	assert_non_null(r);
	assert_true(has_diag(&diags, "import.extra", 33));
	assert_int_equal(r->numbers[test_cell("proactive.licensing")], 3);
	report_free(r);
	free(seed);

	/* a row label the form does not know: its numbers are named, not
	 * added to the row above */
	diag_list_clear(&diags);
	seed = test_read_data("published/seed-004.txt", &n);
	at = strstr(seed, "5. 属于三类内部事务信息");
	assert_non_null(at);
	memcpy(at + strlen("5. "), "某某某某某某某某", strlen("某某某某某某某某"));
	r = import_text(seed, n, &diags, NULL);
	assert_non_null(r);
	assert_true(has_diag(&diags, "import.unplaced", 62));
	assert_true(has_diag(&diags, "import.missing", 49));
	report_free(r);
	free(seed);
	diag_list_fini(&diags);
}

/* A web page's table is a grid: merged cells given once at their first
 * place, the places they cover left empty, later cells in their columns;
 * scripts, navigation and footers are no blocks; a layout table is text. */
static void test_html_tables_are_grids(void **state)
{
	(void)state;
	const char *page =
		"<html><head><title>标题</title><script>var a = '一、总体情况';</script></head>"
		"<body><div class=\"nav\">首页</div><h1>某某县人民政府<br>2023年报告</h1>"
		"<table><tr><td>正文在排版表格里</td></tr></table>"
		"<table><tr><td rowspan=\"2\" colspan=\"2\">A</td><td>B</td></tr>"
		"<tr><td>C</td></tr><tr><td>D</td><td> 1 </td><td>2</td></tr></table>"
		"<footer>主办单位</footer><div id=\"footer\">备案号</div></body></html>";
	assert_true(import_sniff_html(page, strlen(page)));
	assert_false(import_sniff_html("一、总体情况 <b>", 18));
	struct import_blocks b;
	struct diag_list diags;
	diag_list_init(&diags);
	const char *encoding;
	assert_true(import_html_read(&b, page, strlen(page), &encoding, &diags));
	assert_string_equal(encoding, "UTF-8");
	assert_int_equal(b.nblocks, 4);
	assert_int_equal(b.blocks[0].kind, IMPORT_BLOCK_HEADING);
	assert_string_equal(b.blocks[0].rows[0].text, "某某县人民政府");
	assert_string_equal(b.blocks[1].rows[0].text, "2023年报告");
	assert_int_equal(b.blocks[2].kind, IMPORT_BLOCK_PARAGRAPH);
	assert_string_equal(b.blocks[2].rows[0].text, "正文在排版表格里");
	const struct import_block *t = &b.blocks[3];
	assert_int_equal(t->kind, IMPORT_BLOCK_TABLE);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncolumns, 3);
	assert_int_equal(t->rows[0].cells[0].rowspan, 2);
	assert_int_equal(t->rows[0].cells[0].colspan, 2);
	assert_int_equal(t->rows[0].cells[1].col, 2);
	assert_int_equal(t->rows[1].ncells, 1);
	assert_int_equal(t->rows[1].cells[0].col, 2); /* C, beside the merged A */
	assert_string_equal(t->rows[2].cells[1].text, "1");
	assert_true(t->rows[2].cells[1].numeric);
	assert_string_equal(t->rows[2].text, "D 1 2");
	import_blocks_fini(&b);
	/* the charset of the meta tag: GBK bytes read as GB18030 */
	const char *gbk = "<html><meta charset=\"GBK\"><p>\xd5\xfd\xce\xc4</p></html>";
	assert_true(import_html_read(&b, gbk, strlen(gbk), &encoding, &diags));
	assert_string_equal(encoding, "GB18030");
	assert_string_equal(b.blocks[0].rows[0].text, "正文");
	import_blocks_fini(&b);
	/* a BOM says UTF-8 whatever the meta tag claims */
	const char *bom = "\xEF\xBB\xBF <html><meta charset=gb2312><p>正文</p></html>";
	assert_true(import_sniff_html(bom, strlen(bom)));
	assert_true(import_html_read(&b, bom, strlen(bom), &encoding, &diags));
	assert_string_equal(encoding, "UTF-8");
	assert_string_equal(b.blocks[0].rows[0].text, "正文");
	import_blocks_fini(&b);
	diag_list_fini(&diags);
}

/* A Word file of one document part, written with libzip; the caller frees
 * the bytes. */
static char *make_docx(const char *document, size_t *len)
{
	char path[] = "/tmp/nianbao-docx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int error;
	zip_t *zip = zip_open(path, ZIP_TRUNCATE, &error);
	assert_non_null(zip);
	zip_source_t *src = zip_source_buffer(zip, document, strlen(document), 0);
	assert_true(zip_file_add(zip, "word/document.xml", src, 0) >= 0);
	assert_int_equal(zip_close(zip), 0);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *data = malloc(1 << 16);
	*len = fread(data, 1, 1 << 16, f);
	fclose(f);
	unlink(path);
	return data;
}

/* A Word table is a grid: w:gridSpan widens a cell, w:vMerge continues
 * the one above (its rowspan grows), w:gridBefore skips columns; the
 * paragraphs come in order, deleted text and field codes left out. */
static void test_docx_tables_are_grids(void **state)
{
	(void)state;
	const char *doc =
		"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
		"wordprocessingml/2006/main\"><w:body>"
		"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>一、总体</w:t></w:r>"
		"<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:t>情况</w:t></w:r></w:p>"
		"<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>正文</w:t><w:tab/><w:t>3</w:t></w:r></w:p>"
		"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"
		"</w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r>"
		"</w:p></w:tc></w:tr>"
		"<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge/></w:tcPr><w:p/></w:tc>"
		"<w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>"
		"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>D</w:t></w:r>"
		"</w:p><w:p><w:r><w:t>E</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>7</w:t></w:r>"
		"</w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
	size_t len;
	char *data = make_docx(doc, &len);
	assert_true(import_sniff_docx(data, len));
	struct import_blocks b;
	struct diag_list diags;
	diag_list_init(&diags);
	assert_true(import_docx_read(&b, data, len, &diags));
	assert_int_equal(b.nblocks, 3);
	assert_int_equal(b.blocks[0].kind, IMPORT_BLOCK_HEADING);
	assert_string_equal(b.blocks[0].rows[0].text, "一、总体情况");
	assert_int_equal(b.blocks[1].rows[0].ncells, 2); /* a tab separates cells */
	assert_string_equal(b.blocks[1].rows[0].cells[1].text, "3");
	const struct import_block *t = &b.blocks[2];
	assert_int_equal(t->kind, IMPORT_BLOCK_TABLE);
	assert_int_equal(t->ncolumns, 3);
	assert_int_equal(t->rows[0].cells[0].rowspan, 2);
	assert_int_equal(t->rows[0].cells[0].colspan, 2);
	assert_int_equal(t->rows[1].ncells, 1);
	assert_int_equal(t->rows[1].cells[0].col, 2);
	assert_int_equal(t->rows[2].cells[0].col, 1);
	assert_string_equal(t->rows[2].cells[0].text, "D E");
	assert_int_equal(t->rows[2].number, 5); /* two paragraphs, then the third row */
	/* where a clerk finds each: the paragraph, or the table, row and cell */
	assert_int_equal(b.blocks[1].rows[0].pos.paragraph, 2);
	char *words = import_pos_words(&b.blocks[1].rows[0].cells[1].pos);
	assert_string_equal(words, "第2个段落第2格");
	free(words);
	words = import_pos_words(&t->rows[2].cells[1].pos);
	assert_string_equal(words, "第1张表第3行第3格"); /* after gridBefore: grid column 3 */
	free(words);
	char *message = import_pos_message(&t->rows[1].cells[0].pos, "说明");
	assert_string_equal(message, "第1张表第2行第3格：说明");
	free(message);
	struct import_pos none = {0};
	assert_null(import_pos_words(&none));
	message = import_pos_message(&none, "说明");
	assert_string_equal(message, "说明");
	free(message);
	import_blocks_fini(&b);
	free(data);
	/* a title refused names its paragraph: a Word file has no lines */
	const char *titled =
		"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
		"wordprocessingml/2006/main\"><w:body><w:p/>"
		"<w:p><w:r><w:t>某镇人民政府1999年政府信息公开工作年度报告</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>四、政府信息公开行政复议、行政诉讼情况</w:t></w:r></w:p>"
		"</w:body></w:document>";
	data = make_docx(titled, &len);
	const char *encoding = NULL;
	struct diag_list refused;
	diag_list_init(&refused);
	assert_null(import_report(data, len, test_form()->form, &encoding, &refused));
	assert_int_equal(refused.count, 1);
	assert_int_equal(refused.items[0].line, 2);
	assert_string_equal(refused.items[0].message,
			    "第2个段落：标题中的年度 1999 不在 2008 到 2100 之间");
	diag_list_fini(&refused);
	free(data);
	/* a ZIP that is not a Word file, and one that is broken */
	assert_false(import_docx_read(&b, "PK\003\004xx", 6, &diags));
	import_blocks_fini(&b);
	assert_true(diag_list_has_errors(&diags));
	diag_list_fini(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_import_as_transcribed),
		cmocka_unit_test(test_other_layouts_read_the_same),
		cmocka_unit_test(test_rendered_text_imports_back),
		cmocka_unit_test(test_draft_mark_and_signature_come_back),
		cmocka_unit_test(test_gbk_text_is_read),
		cmocka_unit_test(test_hostile_inputs_are_refused),
		cmocka_unit_test(test_what_cannot_be_placed_is_named),
		cmocka_unit_test(test_html_tables_are_grids),
		cmocka_unit_test(test_docx_tables_are_grids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
