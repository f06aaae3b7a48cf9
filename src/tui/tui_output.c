/* F5: the standardized text and the PDF of the report, written beside
 * it (年报.yaml gives 年报.txt and 年报.pdf). */
#include "tui_output.h"

#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "final_gate.h"
#include "output_owner.h"
#include "render_pdf.h"
#include "render_text.h"
#include "session.h"
#include "tui_cursor.h"
#include "tui_message.h"
#include "xalloc.h"

/* The file beside the report with another extension (caller frees). */
static char *sibling_path(const char *path, const char *extension)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
	char *sibling = xasprintf("%.*s%s", (int)stem, path, extension);
	if (strcmp(sibling, path) == 0) { /* a report named 年报.txt is not overwritten */
		free(sibling);
		sibling = xasprintf("%s%s", path, extension);
	}
	return sibling;
}

/* What sign would refuse the report for, as the final gate lists it (the
 * same list sign prints), for the message after F5: which problems block
 * signing (*blocks of them), and how many others do not.  NULL when
 * nothing is left (the caller frees it). */
static char *final_problems(const struct tui *t, size_t *blocks)
{
	const struct session *s = t->session;
	struct diag_list diags;
	diag_list_init(&diags);
	size_t blocking = final_gate_diagnose(s->entry->rules, s->report, &diags);
	diag_list_sort(&diags);
	struct buf b;
	buf_init(&b);
	if (blocking)
		buf_addf(&b, "还不是定稿，签名会被拒绝，先改正这 %zu 处：", blocking);
	for (size_t i = 0, n = 0; i < diags.count; i++) {
		if (diags.items[i].severity != DIAG_ERROR)
			continue;
		n++;
		buf_addf(&b, "%s%zu. %s", n > 1 ? "；" : "", n, diags.items[i].message);
	}
	size_t count = diags.count;
	if (count > blocking)
		buf_addf(&b, "%s另有 %zu 处提示，不妨碍签名", blocking ? "。" : "",
			 count - blocking);
	diag_list_fini(&diags);
	*blocks = blocking;
	if (!count) {
		buf_fini(&b);
		return NULL;
	}
	return buf_take(&b);
}

enum tui_reaction tui_output_write(struct tui *t)
{
	tui_cursor_commit(t);
	size_t blocks;
	char *problems = final_problems(t, &blocks);
	const struct report *report = t->session->report;
	size_t len;
	char *text = render_text(report, &len);
	char *text_path = sibling_path(t->session->path, ".txt");
	char *pdf_path = sibling_path(t->session->path, ".pdf");
	char *error = NULL;
	struct diag_list diags;
	diag_list_init(&diags);
	/* both are made before either is written: none is left newer than the other */
	struct render_pdf_options options = {0};
	size_t pdf_len;
	char *pdf = render_pdf(report, &options, &pdf_len, &diags, &error);
	if (!pdf) {
		tui_message(t, TUI_MESSAGE_ERROR, "没有生成：%s",
			    diags.count ? diags.items[0].message : error);
		goto done;
	}
	/* only over nianbao's own earlier output of this report; a file of
	 * another, or a signed PDF, is kept and neither file is written */
	enum output_owner text_owner = output_owner_text(text_path, report, text, len);
	enum output_owner pdf_owner = output_owner_pdf(pdf_path, report);
	char *why = output_owner_refusal(text_path, text_owner, false);
	enum output_owner refused = text_owner;
	if (!why) {
		why = output_owner_refusal(pdf_path, pdf_owner, false);
		refused = pdf_owner;
	}
	if (why) {
		tui_message(t, TUI_MESSAGE_ERROR, "没有生成：%s%s", why,
			    refused == OUTPUT_FOREIGN ? "；请把它改名或移走" : "");
		free(why);
		free(pdf);
		goto done;
	}
	int failed = atomic_write(text_path, text, len, ATOMIC_REPLACE | ATOMIC_HERE, &error) ||
		     atomic_write(pdf_path, pdf, pdf_len, ATOMIC_REPLACE | ATOMIC_HERE, &error);
	free(pdf);
	if (failed) {
		tui_message(t, TUI_MESSAGE_ERROR, "没有生成：%s", error);
		goto done;
	}
	if (problems)
		tui_message(t, blocks ? TUI_MESSAGE_ERROR : TUI_MESSAGE_INFO, "已生成 %s 和 %s；%s",
			    text_path, pdf_path, problems);
	else
		tui_message(t, TUI_MESSAGE_INFO, "已生成 %s 和 %s，是可以签名的定稿", text_path,
			    pdf_path);
done:
	free(problems);
	diag_list_fini(&diags);
	free(error);
	free(text_path);
	free(pdf_path);
	free(text);
	return TUI_REDRAW;
}
