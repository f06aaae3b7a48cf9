/* How many characters of a text a PDF lost: the characters (not spaces
 * or line breaks) of ORIGINAL that are missing from EXTRACTED, the text
 * pdftotext gets back out of the PDF, counted with repetition:
 *   nianbao-bench-text-loss ORIGINAL EXTRACTED
 * prints "LOST TOTAL".  Invalid UTF-8 in EXTRACTED counts as nothing. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "utf8.h"

#define CODEPOINTS 0x110000

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		exit(2);
	}
	size_t cap = 1 << 16;
	char *data = malloc(cap);
	*len = 0;
	size_t n;
	while ((n = fread(data + *len, 1, cap - *len, fp)) > 0) {
		*len += n;
		if (*len == cap)
			data = realloc(data, cap *= 2);
	}
	fclose(fp);
	return data;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x3000 ||
	       cp == 0xA0;
}

/* Adds sign for each character of path to counts; returns how many. */
static long count_characters(const char *path, int32_t *counts, int sign)
{
	size_t len;
	char *data = read_all(path, &len);
	long total = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		bool valid;
		i += utf8_decode(data + i, len - i, &cp, &valid);
		if (valid && !is_space(cp)) {
			counts[cp] += sign;
			total++;
		}
	}
	free(data);
	return total;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s ORIGINAL EXTRACTED\n", argv[0]);
		return 2;
	}
	int32_t *counts = calloc(CODEPOINTS, sizeof *counts);
	long total = count_characters(argv[1], counts, 1);
	count_characters(argv[2], counts, -1);
	long lost = 0;
	for (uint32_t cp = 0; cp < CODEPOINTS; cp++)
		if (counts[cp] > 0)
			lost += counts[cp];
	printf("%ld %ld\n", lost, total);
	free(counts);
	return 0;
}
