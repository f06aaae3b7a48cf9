/* Compares a rasterised page with its reviewed reference image:
 *   nianbao-page-diff ACTUAL.pgm REFERENCE.png
 * prints "DIFFERING TOTAL" (pixels whose grey differs by more than
 * PAGE_DIFF_LEVELS, and all pixels) and exits 1 when more than
 * PAGE_DIFF_PERMILLE per mille differ or the sizes differ, 2 on a file it
 * cannot read.
 *   nianbao-page-diff --write ACTUAL.pgm REFERENCE.png
 * writes ACTUAL as the reference (after the page has been looked at).
 * ACTUAL is what `pdftoppm -gray` writes: binary PGM (P5), 8 bits. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Anti-aliasing moves an edge pixel by less than a quarter of the range
 * when a renderer rounds differently; a glyph that moves turns pixels
 * from white to black. */
#define PAGE_DIFF_LEVELS 64
/* With Debian 12's poppler and fonts a page comes out identical (0
 * pixels).  One character more or less in a paragraph of page 1 of
 * example-2024 changes 0.77% and 0.34% of it (the rest of the paragraph
 * moves); 0.2% still sees that and lets a rasteriser update redraw a few
 * glyph edges.  Turning anti-aliasing off changes 5-9%. */
#define PAGE_DIFF_PERMILLE 2

struct page {
	unsigned width, height;
	unsigned char *grey; /* width * height, owned */
};

/* pgm_token: the next header number of a PGM, skipping blanks and # comments. */
static int pgm_token(FILE *fp, unsigned *value)
{
	int c;
	for (;;) {
		c = getc(fp);
		if (c == '#') {
			while (c != '\n' && c != EOF)
				c = getc(fp);
		} else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			break;
		}
	}
	if (c < '0' || c > '9')
		return -1;
	unsigned long n = 0;
	while (c >= '0' && c <= '9') {
		n = n * 10 + (unsigned)(c - '0');
		if (n > 100000)
			return -1;
		c = getc(fp);
	}
	*value = (unsigned)n; /* the one blank after the last number is consumed */
	return 0;
}

static int pgm_read(const char *path, struct page *page)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		return -1;
	}
	unsigned maxval;
	int ok = getc(fp) == 'P' && getc(fp) == '5' && pgm_token(fp, &page->width) == 0 &&
		 pgm_token(fp, &page->height) == 0 && pgm_token(fp, &maxval) == 0 &&
		 maxval == 255 && page->width > 0 && page->height > 0;
	if (ok) {
		size_t n = (size_t)page->width * page->height;
		page->grey = malloc(n);
		ok = page->grey && fread(page->grey, 1, n, fp) == n;
	}
	fclose(fp);
	if (!ok)
		fprintf(stderr, "%s: not an 8-bit binary PGM\n", path);
	return ok ? 0 : -1;
}

static int png_read(const char *path, struct page *page)
{
	png_image image;
	memset(&image, 0, sizeof image);
	image.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&image, path)) {
		fprintf(stderr, "%s: %s\n", path, image.message);
		return -1;
	}
	image.format = PNG_FORMAT_GRAY;
	page->width = image.width;
	page->height = image.height;
	page->grey = malloc(PNG_IMAGE_SIZE(image));
	if (!page->grey || !png_image_finish_read(&image, NULL, page->grey, 0, NULL)) {
		fprintf(stderr, "%s: %s\n", path, image.message);
		png_image_free(&image);
		return -1;
	}
	return 0;
}

static int png_write(const char *path, const struct page *page)
{
	png_image image;
	memset(&image, 0, sizeof image);
	image.version = PNG_IMAGE_VERSION;
	image.width = page->width;
	image.height = page->height;
	image.format = PNG_FORMAT_GRAY;
	if (!png_image_write_to_file(&image, path, 0, page->grey, 0, NULL)) {
		fprintf(stderr, "%s: %s\n", path, image.message);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int write = argc == 4 && strcmp(argv[1], "--write") == 0;
	if (argc != 3 && !write) {
		fprintf(stderr, "usage: nianbao-page-diff [--write] ACTUAL.pgm REFERENCE.png\n");
		return 2;
	}
	struct page actual = {0}, reference = {0};
	if (pgm_read(argv[1 + write], &actual) != 0)
		return 2;
	if (write)
		return png_write(argv[3], &actual) == 0 ? 0 : 2;
	if (png_read(argv[2], &reference) != 0)
		return 2;
	if (actual.width != reference.width || actual.height != reference.height) {
		printf("size %ux%u, reference %ux%u\n", actual.width, actual.height,
		       reference.width, reference.height);
		return 1;
	}
	size_t total = (size_t)actual.width * actual.height, differing = 0;
	for (size_t i = 0; i < total; i++)
		if (abs(actual.grey[i] - reference.grey[i]) > PAGE_DIFF_LEVELS)
			differing++;
	printf("%zu %zu\n", differing, total);
	free(actual.grey);
	free(reference.grey);
	return differing * 1000 > total * PAGE_DIFF_PERMILLE ? 1 : 0;
}
