/* Checking the seal PNG with libpng's simplified API; see pdf_seal.h. */
#include "pdf_seal.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

char *pdf_seal_check(const char *path, double *aspect)
{
	static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	unsigned char head[8];
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return xasprintf("无法读取印章图片 %s：%s", path, strerror(errno));
	size_t got = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (got != sizeof head || memcmp(head, signature, sizeof head) != 0)
		return xasprintf("印章图片 %s 不是 PNG 文件", path);

	png_image image;
	memset(&image, 0, sizeof image);
	image.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&image, path))
		return xasprintf("印章图片 %s 已损坏，无法读取（%s）", path, image.message);
	if (image.width == 0 || image.height == 0 || image.width > PDF_SEAL_MAX_SIDE ||
	    image.height > PDF_SEAL_MAX_SIDE) {
		png_image_free(&image);
		return xasprintf("印章图片 %s 有 %u×%u 像素，最多 %d×%d", path, image.width,
				 image.height, PDF_SEAL_MAX_SIDE, PDF_SEAL_MAX_SIDE);
	}
	/* decode it all: a damaged chunk further in shows only here */
	image.format = PNG_FORMAT_RGBA;
	void *pixels = xmalloc(PNG_IMAGE_SIZE(image));
	int ok = png_image_finish_read(&image, NULL, pixels, 0, NULL);
	char *error = ok ? NULL
			 : xasprintf("印章图片 %s 已损坏，无法读取（%s）", path, image.message);
	free(pixels);
	png_image_free(&image);
	if (!error)
		*aspect = (double)image.width / image.height;
	return error;
}
