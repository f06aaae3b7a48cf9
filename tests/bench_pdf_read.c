/* How long sign takes to read a PDF and decide whether it can sign it
 * (pdf_sign_check: the structure, the page, the form fields), for hostile
 * inputs such as make_hostile_pdf's repeated references.  The figures go
 * in README.md; nothing is judged here.
 *   nianbao-bench-pdf-read IN.pdf [ROUNDS]
 * Prints the mean over ROUNDS (default 10) runs and what the check said. */
#include <stdio.h>
#include <stdlib.h>

#include "bench_clock.h"
#include "pdf_sign.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: nianbao-bench-pdf-read IN.pdf [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 10;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp || fseek(fp, 0, SEEK_END) != 0) {
		perror(argv[1]);
		return 2;
	}
	size_t len = (size_t)ftell(fp);
	rewind(fp);
	char *pdf = malloc(len ? len : 1);
	if (!pdf || fread(pdf, 1, len, fp) != len)
		return 2;
	fclose(fp);
	if (rounds < 1)
		rounds = 1;
	double total = 0;
	enum pdf_sign_status status = PDF_SIGN_OK;
	char *cause = NULL;
	for (int i = 0; i < rounds; i++) {
		free(cause);
		cause = NULL;
		double t0 = bench_now_us();
		status = pdf_sign_check(pdf, len, &cause);
		total += bench_now_us() - t0;
	}
	printf("| pdf_sign_check, %zu-byte input (mean of %d) | %10.3f ms |\n", len, rounds,
	       total / rounds / 1e3);
	printf("status %d%s%s\n", (int)status, cause ? ": " : "", cause ? cause : "");
	free(cause);
	free(pdf);
	return 0;
}
