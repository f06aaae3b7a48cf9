/* Zip packages of parts, in memory (package.h). */
#include "package.h"

#include <stdbool.h>
#include <stdlib.h>

#include <zip.h>

#include "xalloc.h"

/* Every entry carries this time (1980-01-01, the oldest a zip can say),
 * so that the same report gives the same bytes. */
#define ZIP_TIME 315532800

char *package_zip(const char *const *names, char *const *data, const size_t *lens, size_t n,
		  const char *what, size_t *len, char **error)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	char *out = NULL;
	if (!za) {
		*error = xasprintf("无法建立 %s 压缩包：%s", what, zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_source_keep(src); /* it holds the result after zip_close */
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		zip_source_t *s = zip_source_buffer(za, data[i], lens[i], 0);
		zip_int64_t idx = s ? zip_file_add(za, names[i], s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			ok = false;
		} else {
			zip_file_set_mtime(za, (zip_uint64_t)idx, ZIP_TIME, 0);
		}
	}
	if (!ok || zip_close(za) != 0) {
		*error = xasprintf("无法写出 %s 压缩包：%s", what, zip_strerror(za));
		zip_discard(za);
		zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_stat_t st;
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = xmalloc(st.size ? st.size : 1);
		zip_int64_t got = zip_source_read(src, out, st.size);
		zip_source_close(src);
		if (got < 0 || (zip_uint64_t)got != st.size) {
			free(out);
			out = NULL;
		} else {
			*len = (size_t)st.size;
		}
	}
	if (!out)
		*error = xasprintf("无法读出 %s 压缩包", what);
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}
