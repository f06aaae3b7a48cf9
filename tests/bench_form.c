/* How long the form's own work takes for one keystroke: the key handler
 * (which writes the value, updates the totals and re-runs the rules), the
 * repaint of the whole screen, and the recovery file written after each
 * change.  curses draws into a terminal whose output goes to /dev/null, so
 * no terminal's speed is in the figures.  It measures, it does not judge.
 *   nianbao-bench-form REPORT.yaml [ROUNDS]
 * Each figure is the median of ROUNDS keystrokes (default 2000). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomic_file.h"
#include "bench_clock.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "report.h"
#include "session.h"
#include "textedit.h"
#include "tui.h"
#include "tui_cursor.h"
#include "tui_input.h"
#include "tui_screen.h"
#include "tui_view.h"
#include "utf8.h"
#include "xalloc.h"

static void report_line(const char *what, double *us, int n)
{
	bench_sort(us, (size_t)n);
	printf("| %-52s | %9.1f µs | %9.1f µs |\n", what, us[n / 2], us[n * 9 / 10]);
}

/* A copy of the report in a scratch directory, so the original is never
 * touched by the recovery file. */
static char *scratch_copy(const char *report_path, char *dir)
{
	FILE *in = fopen(report_path, "rb");
	if (!in || !mkdtemp(dir)) {
		perror(report_path);
		exit(2);
	}
	struct buf data;
	buf_init(&data);
	char chunk[1 << 16];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_add(&data, chunk, n);
	fclose(in);
	char *path = xasprintf("%s/report.yaml", dir);
	char *error;
	if (atomic_write(path, data.data, data.len, ATOMIC_CREATE, &error) != 0) {
		fprintf(stderr, "%s\n", error);
		exit(2);
	}
	buf_fini(&data);
	return path;
}

/* Types one keystroke into the cell under the cursor: a digit, or a
 * Backspace that takes it away again, so values stay small. */
static enum tui_reaction keystroke(struct tui *t, int i)
{
	if (i % 2 == 0)
		return tui_input_text(t, "7", 1);
	return tui_input_key(t, (struct tui_key){KEY_BACKSPACE, true});
}

static void measure(struct tui *t, const char *where, int rows, int cols, int rounds, double *us)
{
	char label[128];
	resize_term(rows, cols);
	t->rows = rows;
	t->cols = cols;
	tui_screen_layout(t);
	tui_screen_draw(t);

	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		keystroke(t, r);
		us[r] = bench_now_us() - start;
	}
	snprintf(label, sizeof label, "%s: key handler, %dx%d", where, cols, rows);
	report_line(label, us, rounds);

	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		keystroke(t, r);
		tui_screen_layout(t);
		tui_screen_draw(t);
		us[r] = bench_now_us() - start;
	}
	snprintf(label, sizeof label, "%s: key handler + repaint, %dx%d", where, cols, rows);
	report_line(label, us, rounds);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s REPORT.yaml [ROUNDS]\n", argv[0]);
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 2000;
	if (rounds < 10)
		rounds = 10;
	char dir[] = "/tmp/nianbao-bench-form.XXXXXX";
	char *path = scratch_copy(argv[1], dir);

	struct catalog *catalog = catalog_new();
	struct diag_list diags;
	diag_list_init(&diags);
	bool created;
	struct session *s = session_open(path, catalog, &diags, &created);
	if (!s) {
		fprintf(stderr, "%s does not load\n", argv[1]);
		return 2;
	}
	FILE *null_out = fopen("/dev/null", "w"), *null_in = fopen("/dev/null", "r");
	SCREEN *screen = newterm("xterm-256color", null_out, null_in);
	if (!screen) {
		fprintf(stderr, "no terminal description for xterm-256color\n");
		return 2;
	}
	set_term(screen);
	start_color();
	use_default_colors();

	struct tui t = {.session = s, .catalog = catalog, .form = s->report->form, .colors = true};
	buf_init(&t.number);
	/* the cursor on 三、收到和处理政府信息公开申请情况, first cell */
	size_t section = t.form->cells[form_find_cell(t.form, "requests.new[0]")].section;
	tui_cursor_goto_page(&t, section + 1);
	t.focus = TUI_FOCUS_CONTENT;

	double *us = calloc((size_t)rounds, sizeof *us);
	char where[96];
	printf("| %-52s | %12s | %12s |\n", "one keystroke (example-2024.yaml)", "median",
	       "90th pct");
	printf("|------------------------------------------------------|--------------|--------------|\n");
	measure(&t, "table 三", 24, 80, rounds, us);
	measure(&t, "table 三", 50, 160, rounds, us);

	/* typing at the end of the narrative of 五, as written and 20 times as long */
	size_t problems = form_find_cell(t.form, "text.problems");
	size_t narrative = t.form->cells[problems].section;
	tui_cursor_goto_page(&t, narrative + 1);
	textedit_end(&t.text);
	measure(&t, "narrative 五", 24, 80, rounds, us);
	char *one = xstrdup(s->report->texts[problems]); /* the narrative as written */
	struct buf longer;
	buf_init(&longer);
	for (int i = 0; i < 20; i++)
		buf_adds(&longer, s->report->texts[problems]);
	session_set_text(s, problems, longer.data, longer.len);
	buf_fini(&longer);
	tui_cursor_goto_page(&t, narrative + 1);
	t.text.cursor = t.text.text.len;
	snprintf(where, sizeof where, "narrative 五 of %zu characters",
		 utf8_length(t.text.text.data, t.text.text.len));
	measure(&t, where, 24, 80, rounds, us);

	/* about 1,000 and 90,000 characters (the limit is 100,000), typed in
	 * the middle of the text: the cost of a key should not grow with it */
	static const size_t lengths[] = {1000, 90000};
	size_t one_chars = utf8_length(one, strlen(one));
	for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
		struct buf text;
		buf_init(&text);
		for (size_t chars = 0; chars < lengths[k]; chars += one_chars + 1) {
			buf_adds(&text, one);
			buf_addc(&text, '\n');
		}
		session_set_text(s, problems, text.data, text.len);
		tui_cursor_goto_page(&t, narrative + 1);
		t.text.cursor = text.len / 2;
		while (t.text.cursor > 0 && text.data[t.text.cursor - 1] != '\n')
			t.text.cursor--;
		snprintf(where, sizeof where, "narrative 五 of %zu characters, in the middle",
			 utf8_length(text.data, text.len));
		buf_fini(&text);
		measure(&t, where, 24, 80, rounds, us);
	}
	free(one);

	for (int r = 0; r < rounds; r++) {
		keystroke(&t, r);
		char *error = NULL;
		s->recovery_written_ms = 0; /* the write itself, not its once-a-second throttle */
		double start = bench_now_us();
		if (session_write_recovery(s, false, &error) != 0) {
			fprintf(stderr, "%s\n", error);
			return 2;
		}
		us[r] = bench_now_us() - start;
	}
	report_line("recovery file after a change (not synced; once a second)", us, rounds);

	endwin();
	delscreen(screen);
	fclose(null_out);
	fclose(null_in);
	unlink(s->recovery_path);
	unlink(path);
	rmdir(dir);
	tui_fini(&t);
	session_free(s);
	diag_list_fini(&diags);
	catalog_free(catalog);
	free(path);
	free(us);
	return 0;
}
