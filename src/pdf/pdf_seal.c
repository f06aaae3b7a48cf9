/* Checking the seal PNG with libpng's simplified API; see pdf_seal.h. */
#include "pdf_seal.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "file_read.h"
#include "xalloc.h"

char *pdf_seal_load(const char *path, struct pdf_seal *seal)
{
	static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	memset(seal, 0, sizeof *seal);
	struct file_read_error e;
	size_t len;
	char *png = file_read(path, PDF_SEAL_MAX_BYTES, 0, &len, &e);
	if (!png && e.failure == FILE_READ_LARGE)
		return xasprintf("印章图片 %s 超过 %u MiB，不像是一枚印章", path,
				 PDF_SEAL_MAX_BYTES >> 20);
	if (!png)
		return xasprintf("无法读取印章图片 %s：%s", path, file_read_why(&e));
	if (len < sizeof signature || memcmp(png, signature, sizeof signature) != 0) {
		free(png);
		return xasprintf("印章图片 %s 不是 PNG 文件", path);
	}

	png_image image;
	memset(&image, 0, sizeof image);
	image.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&image, png, len)) {
		free(png);
		return xasprintf("印章图片 %s 已损坏，无法读取（%s）", path, image.message);
	}
	if (image.width == 0 || image.height == 0 || image.width > PDF_SEAL_MAX_SIDE ||
	    image.height > PDF_SEAL_MAX_SIDE) {
		png_image_free(&image);
		free(png);
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
	if (error) {
		free(png);
		return error;
	}
	seal->png = png;
	seal->len = len;
	seal->aspect = (double)image.width / image.height;
	return NULL;
}

void pdf_seal_fini(struct pdf_seal *seal)
{
	free(seal->png);
	memset(seal, 0, sizeof *seal);
}
