/* How long signing takes, in process: loading the key and certificate,
 * and pdf_sign on one PDF (reading its structure, one trial signature to
 * size the placeholder, the update, the real signature).  The figures go
 * in README.md; nothing is judged here.
 *   nianbao-bench-sign IN.pdf KEY.pem CERT.pem [ROUNDS]
 * Prints the mean over ROUNDS (default 100) runs after one warm-up.
 *   nianbao-bench-sign --check IN.pdf [ROUNDS]
 * times pdf_sign_check alone (reading the input and deciding whether it
 * can be signed), for hostile inputs such as make_hostile_pdf's, and
 * prints the mean over ROUNDS (default 10) and what the check said. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf_sign.h"
#include "signer.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The whole of path in a new buffer, or NULL. */
static char *read_input(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp || fseek(fp, 0, SEEK_END) != 0) {
		perror(path);
		return NULL;
	}
	*len = (size_t)ftell(fp);
	rewind(fp);
	char *pdf = malloc(*len ? *len : 1);
	if (pdf && fread(pdf, 1, *len, fp) != *len) {
		free(pdf);
		pdf = NULL;
	}
	fclose(fp);
	return pdf;
}

static int bench_check(const char *path, int rounds)
{
	size_t len;
	char *pdf = read_input(path, &len);
	if (!pdf)
		return 2;
	if (rounds < 1)
		rounds = 1;
	double total = 0;
	enum pdf_sign_status status = PDF_SIGN_OK;
	char *cause = NULL;
	for (int i = 0; i < rounds; i++) {
		free(cause);
		cause = NULL;
		double t0 = seconds();
		status = pdf_sign_check(pdf, len, &cause);
		total += seconds() - t0;
	}
	printf("| pdf_sign_check, %zu-byte input (mean of %d) | %10.3f ms |\n", len, rounds,
	       total / rounds * 1e3);
	printf("status %d%s%s\n", (int)status, cause ? ": " : "", cause ? cause : "");
	free(cause);
	free(pdf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--check") == 0)
		return bench_check(argv[2], argc > 3 ? atoi(argv[3]) : 10);
	if (argc < 4) {
		fprintf(stderr, "usage: nianbao-bench-sign IN.pdf KEY.pem CERT.pem [ROUNDS]\n"
				"       nianbao-bench-sign --check IN.pdf [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 4 ? atoi(argv[4]) : 100;
	size_t len;
	char *pdf = read_input(argv[1], &len);
	if (!pdf)
		return 2;

	struct signer *signer = NULL;
	char *cause = NULL, *out = NULL;
	size_t out_len = 0;
	double load = 0, sign = 0;
	for (int i = 0; i <= rounds; i++) {
		signer_free(signer);
		double t0 = seconds();
		if (signer_load(argv[2], argv[3], NULL, &signer, &cause) != SIGNER_OK) {
			fprintf(stderr, "%s\n", cause);
			return 2;
		}
		double t1 = seconds();
		free(out);
		if (pdf_sign(pdf, len, signer, 0, &out, &out_len, &cause) != PDF_SIGN_OK) {
			fprintf(stderr, "%s\n", cause);
			return 2;
		}
		double t2 = seconds();
		if (i > 0) { /* the first round warms up */
			load += t1 - t0;
			sign += t2 - t1;
		}
	}
	printf("| load key and certificate (mean of %d)    | %8.3f ms |\n", rounds,
	       load / rounds * 1e3);
	printf("| pdf_sign, %zu-byte input (mean of %d)    | %8.3f ms |\n", len, rounds,
	       sign / rounds * 1e3);
	printf("| bytes the signature adds                  | %8zu    |\n", out_len - len);
	free(out);
	free(pdf);
	signer_free(signer);
	return 0;
}
