/* Detecting and converting the encoding of a published report; see
 * import_decode.h.  GB18030 is a superset of GBK and GB2312, so one
 * conversion covers the three. */
#include "import_decode.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"
#include "xalloc.h"

static char *refuse(struct diag_list *diags, const char *rule, int line, int column,
		    const char *message)
{
	diag_list_add(diags, DIAG_ERROR, rule, NULL, line, column, message);
	return NULL;
}

/* UTF-16 text has a BOM, or a NUL in every other byte of its ASCII. */
static bool looks_utf16(const unsigned char *s, size_t len)
{
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return true;
	size_t pairs = len / 2 < 64 ? len / 2 : 64, nul_odd = 0, nul_even = 0;
	for (size_t i = 0; i < pairs; i++) {
		nul_even += s[2 * i] == 0;
		nul_odd += s[2 * i + 1] == 0;
	}
	/* a binary file has NULs at both even and odd offsets */
	return pairs >= 2 && ((nul_even * 2 > pairs && nul_odd * 8 < pairs) ||
			      (nul_odd * 2 > pairs && nul_even * 8 < pairs));
}

/* Line and column (in characters) of byte offset at in UTF-8 text. */
static void position_of(const char *s, size_t at, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < at;) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, at - i, &cp, &valid);
		if (cp == '\n') {
			++*line;
			*column = 1;
		} else {
			++*column;
		}
		i += n;
	}
}

/* A control character other than tab, line feed, carriage return and
 * form feed means this is not a text file. */
static char *refuse_controls(const char *s, size_t len, struct diag_list *diags)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
			int line, column;
			position_of(s, i, &line, &column);
			char message[160];
			snprintf(
				message, sizeof message,
				"这不是文本文件：含有控制字符（0x%02X）；请导入以文本格式保存的年度报告",
				c);
			return refuse(diags, "import.encoding", line, column, message);
		}
	}
	return (char *)s;
}

char *import_decode(const char *data, size_t len, size_t *out_len, const char **encoding,
		    struct diag_list *diags)
{
	const unsigned char *u = (const unsigned char *)data;
	if (len == 0)
		return refuse(diags, "import.encoding", 1, 1, "文件是空的，不是年度报告");
	if (looks_utf16(u, len))
		return refuse(
			diags, "import.encoding", 1, 1,
			"文件是 UTF-16 编码；请另存为 UTF-8 或 GB18030（GBK）编码的文本后再导入");
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		data += 3;
		len -= 3;
	}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		int line, column;
		position_of(data, (size_t)(nul - data), &line, &column);
		return refuse(diags, "import.encoding", line, column,
			      "这不是文本文件：含有 0 字节；请导入以文本格式保存的年度报告");
	}
	size_t bad;
	char *text;
	if (utf8_validate(data, len, &bad)) {
		text = xstrndup(data, len);
		*out_len = len;
		*encoding = "UTF-8";
	} else {
		text = utf8_from_gb18030(data, len, out_len);
		if (!text) {
			int line, column;
			position_of(data, bad, &line, &column);
			return refuse(diags, "import.encoding", line, column,
				      "文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本，无法读取");
		}
		*encoding = "GB18030";
	}
	if (!refuse_controls(text, *out_len, diags)) {
		free(text);
		return NULL;
	}
	return text;
}
