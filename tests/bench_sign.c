/* How long signing takes, in process: loading the key and certificate,
 * and pdf_sign on one PDF (reading its structure, one trial signature to
 * size the placeholder, the update, the real signature).  The figures go
 * in README.md; nothing is judged here.
 *   nianbao-bench-sign IN.pdf KEY.pem CERT.pem [ROUNDS]
 * Prints the mean over ROUNDS (default 100) runs after one warm-up. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pdf_sign.h"
#include "signer.h"

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: nianbao-bench-sign IN.pdf KEY.pem CERT.pem [ROUNDS]\n");
		return 2;
	}
	int rounds = argc > 4 ? atoi(argv[4]) : 100;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp || fseek(fp, 0, SEEK_END) != 0) {
		perror(argv[1]);
		return 2;
	}
	size_t len = (size_t)ftell(fp);
	rewind(fp);
	char *pdf = malloc(len);
	if (!pdf || fread(pdf, 1, len, fp) != len)
		return 2;
	fclose(fp);

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
	printf("| load key and certificate (mean of %d)    | %8.3f ms |\n", rounds, load / rounds * 1e3);
	printf("| pdf_sign, %zu-byte input (mean of %d)    | %8.3f ms |\n", len, rounds, sign / rounds * 1e3);
	printf("| bytes the signature adds                  | %8zu    |\n", out_len - len);
	free(out);
	free(pdf);
	signer_free(signer);
	return 0;
}
