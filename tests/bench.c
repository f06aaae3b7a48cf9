/* nianbao's benchmark program: how long the work a clerk waits for takes.
 * It measures, it does not judge; the figures go in README.md.
 *   nianbao-bench NIANBAO_BINARY DATA_DIR [ROUNDS]
 * Each figure is the median of ROUNDS runs (default 200), after a warm-up. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_clock.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "import.h"
#include "render_pdf.h"
#include "render_text.h"
#include "report.h"
#include "report_load.h"
#include "rules.h"
#include "utf8.h"
#include "xalloc.h"

struct sample {
	double *us;
	int n;
};

static void report_line(const char *what, struct sample *s, const char *unit)
{
	bench_sort(s->us, (size_t)s->n);
	double median = s->us[s->n / 2], p90 = s->us[s->n * 9 / 10];
	double scale = strcmp(unit, "ms") == 0 ? 1e3 : 1.0;
	printf("| %-44s | %10.3f %s | %10.3f %s |\n", what, median / scale, unit, p90 / scale,
	       unit);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		exit(2);
	}
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *data = malloc(*len + 1);
	if (fread(data, 1, *len, fp) != *len)
		exit(2);
	fclose(fp);
	return data;
}

/* Runs argv to completion with output discarded; returns microseconds. */
static double time_command(char *const argv[])
{
	fflush(stdout);
	double start = bench_now_us();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	return bench_now_us() - start;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s NIANBAO_BINARY DATA_DIR [ROUNDS]\n", argv[0]);
		return 2;
	}
	const char *binary = argv[1], *data_dir = argv[2];
	int rounds = argc > 3 ? atoi(argv[3]) : 200;
	if (rounds < 5)
		rounds = 5;
	char path[4096];
	snprintf(path, sizeof path, "%s/example-2024.yaml", data_dir);
	size_t len;
	char *text = read_all(path, &len);

	struct catalog *catalog = catalog_new();
	struct diag_list diags;
	diag_list_init(&diags);
	const struct catalog_entry *entry;
	struct report *report = report_load_buffer(text, len, catalog, &entry, &diags);
	if (!report) {
		fprintf(stderr, "example does not load\n");
		return 2;
	}
	struct sample s = {calloc((size_t)rounds, sizeof(double)), rounds};

	printf("| %-44s | %13s | %13s |\n", "what (example-2024.yaml)", "median", "90th pct");
	printf("|%s|%s|%s|\n", "----------------------------------------------", "---------------",
	       "---------------");

	/* the rules over a whole report, as after each keystroke */
	struct rule_outcome outcome = {0};
	const int inner = 1000;
	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		for (int i = 0; i < inner; i++)
			rules_evaluate(entry->rules, report, NULL, &outcome);
		s.us[r] = (bench_now_us() - start) / inner;
	}
	report_line("rules: evaluate every check of a report", &s, "us");

	/* the same with the narrative of 五 20 and 640 times as long (2,840 and
	 * 90,880 characters): the phrases of text.numbers and text.year scan it */
	size_t problems = form_find_cell(entry->form, "text.problems");
	char *original = xstrdup(report->texts[problems]);
	for (int times = 20; times <= 640; times *= 32) {
		struct buf longer;
		buf_init(&longer);
		for (int i = 0; i < times; i++)
			buf_adds(&longer, original);
		report_set_text(report, problems, longer.data, longer.len);
		int reps = times > 100 ? 20 : 200;
		for (int r = 0; r < rounds; r++) {
			double start = bench_now_us();
			for (int i = 0; i < reps; i++)
				rules_evaluate(entry->rules, report, NULL, &outcome);
			s.us[r] = (bench_now_us() - start) / reps;
		}
		char what[64];
		snprintf(what, sizeof what, "rules: every check, 五 of %zu characters",
			 utf8_length(longer.data, longer.len));
		report_line(what, &s, "us");
		buf_fini(&longer);
	}
	report_set_text(report, problems, original, strlen(original));
	free(original);

	/* with last year's report (itself): the cross-year rules, text.repeat's 8-grams */
	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		for (int i = 0; i < 100; i++)
			rules_evaluate(entry->rules, report, report, &outcome);
		s.us[r] = (bench_now_us() - start) / 100;
	}
	report_line("rules: every check, with --previous", &s, "us");

	/* an edit of one count, totals following */
	size_t cell = 0;
	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		for (int i = 0; i < inner; i++)
			rules_set_number(entry->rules, report, cell + 7, (int64_t)(i & 7));
		s.us[r] = (bench_now_us() - start) / inner;
	}
	report_line("rules: set one count and its totals", &s, "us");

	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		diag_list_clear(&diags);
		struct report *again = report_load_buffer(text, len, catalog, NULL, &diags);
		rules_diagnose(entry->rules, again, NULL, &diags);
		report_free(again);
		s.us[r] = bench_now_us() - start;
	}
	report_line("load and check one file (in process)", &s, "us");

	for (int r = 0; r < rounds; r++) {
		double start = bench_now_us();
		size_t out_len;
		free(render_text(report, &out_len));
		s.us[r] = bench_now_us() - start;
	}
	report_line("render --text (in process)", &s, "us");

	char *check_argv[] = {(char *)binary, "check", path, NULL};
	for (int r = 0; r < rounds; r++)
		s.us[r] = time_command(check_argv);
	report_line("nianbao check FILE (whole process)", &s, "ms");

	char *render_argv[] = {(char *)binary, "render", path, NULL};
	for (int r = 0; r < rounds; r++)
		s.us[r] = time_command(render_argv);
	report_line("nianbao render FILE (whole process)", &s, "ms");

	/* import of a typical published text (seed-004: a row with one number
	 * too many, wrapped labels), and of one real report in each format it
	 * is published in */
	static const char *const imports[] = {"seed-004.txt", "hongze-qzf-2023.txt",
					      "hongze-qzf-2023.html", "hongze-qzf-2023.docx",
					      "hongze-qzf-2023.pdf"};
	for (size_t k = 0; k < sizeof imports / sizeof *imports; k++) {
		char file[4096], what[128];
		snprintf(file, sizeof file, "%s/published/%s", data_dir, imports[k]);
		size_t file_len;
		char *bytes = read_all(file, &file_len);
		for (int r = 0; r < rounds; r++) {
			double start = bench_now_us();
			const char *encoding;
			diag_list_clear(&diags);
			report_free(import_report(bytes, file_len, entry->form, &encoding, &diags));
			s.us[r] = bench_now_us() - start;
		}
		snprintf(what, sizeof what, "import %s (in process)", imports[k]);
		report_line(what, &s, "us");
		char *file_argv[] = {(char *)binary, "import", file, "-o", "-", NULL};
		for (int r = 0; r < rounds; r++)
			s.us[r] = time_command(file_argv);
		snprintf(what, sizeof what, "nianbao import %s (whole process)", imports[k]);
		report_line(what, &s, "ms");
		free(bytes);
	}

	/* the PDF: fonts found, subset and embedded, on every run */
	size_t pdf_len = 0;
	for (int r = 0; r < rounds; r++) {
		struct render_pdf_options options = {0};
		char *error = NULL;
		double start = bench_now_us();
		char *pdf = render_pdf(report, &options, &pdf_len, &diags, &error);
		s.us[r] = bench_now_us() - start;
		if (!pdf) {
			fprintf(stderr, "the example does not render as PDF: %s\n",
				error ? error : "");
			return 2;
		}
		free(pdf);
	}
	report_line("render --pdf (in process)", &s, "ms");

	char pdf_path[] = "/tmp/nianbao-bench.XXXXXX";
	int pdf_fd = mkstemp(pdf_path);
	if (pdf_fd >= 0)
		close(pdf_fd);
	char *pdf_argv[] = {(char *)binary, "render", path, "--pdf", pdf_path, NULL};
	for (int r = 0; r < rounds; r++)
		s.us[r] = time_command(pdf_argv);
	report_line("nianbao render FILE --pdf OUT (whole proc.)", &s, "ms");
	unlink(pdf_path);
	printf("\nsize of the PDF of example-2024.yaml: %zu bytes\n", pdf_len);

	struct rusage usage;
	getrusage(RUSAGE_CHILDREN, &usage);
	printf("\npeak memory of one nianbao process: %ld KiB\n", usage.ru_maxrss);

	rule_outcome_fini(&outcome);
	report_free(report);
	diag_list_fini(&diags);
	catalog_free(catalog);
	free(s.us);
	free(text);
	return 0;
}
