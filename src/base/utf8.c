/* UTF-8 helpers; see utf8.h. */
#include "utf8.h"

#include <iconv.h>
#include <stdlib.h>

#include <string.h>

#include "xalloc.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp, bool *valid)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c = s[0];
	size_t n;
	uint32_t min;

	*valid = true;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		goto invalid;
	}
	if (len < n)
		goto invalid;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto invalid;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto invalid;
	*cp = c;
	return n;
invalid:
	*valid = false;
	*cp = UTF8_REPLACEMENT;
	return 1;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_validate(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + i, len - i, &cp, &ok);
		if (!ok) {
			if (bad)
				*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

struct range {
	uint32_t first, last;
};

/* East Asian Wide and Fullwidth (Unicode 15). */
static const struct range wide[] = {
	{0x1100, 0x115F},   {0x231A, 0x231B},	{0x2329, 0x232A},   {0x23E9, 0x23EC},
	{0x23F0, 0x23F0},   {0x23F3, 0x23F3},	{0x25FD, 0x25FE},   {0x2614, 0x2615},
	{0x2648, 0x2653},   {0x267F, 0x267F},	{0x2693, 0x2693},   {0x26A1, 0x26A1},
	{0x26AA, 0x26AB},   {0x26BD, 0x26BE},	{0x26C4, 0x26C5},   {0x26CE, 0x26CE},
	{0x26D4, 0x26D4},   {0x26EA, 0x26EA},	{0x26F2, 0x26F3},   {0x26F5, 0x26F5},
	{0x26FA, 0x26FA},   {0x26FD, 0x26FD},	{0x2705, 0x2705},   {0x270A, 0x270B},
	{0x2728, 0x2728},   {0x274C, 0x274C},	{0x274E, 0x274E},   {0x2753, 0x2755},
	{0x2757, 0x2757},   {0x2795, 0x2797},	{0x27B0, 0x27B0},   {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},	{0x2B55, 0x2B55},   {0x2E80, 0x2E99},
	{0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},	{0x2FF0, 0x2FFB},   {0x3000, 0x303E},
	{0x3041, 0x3096},   {0x3099, 0x30FF},	{0x3105, 0x312F},   {0x3131, 0x318E},
	{0x3190, 0x31E3},   {0x31F0, 0x321E},	{0x3220, 0x3247},   {0x3250, 0x4DBF},
	{0x4E00, 0xA48C},   {0xA490, 0xA4C6},	{0xA960, 0xA97C},   {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF},   {0xFE10, 0xFE19},	{0xFE30, 0xFE52},   {0xFE54, 0xFE66},
	{0xFE68, 0xFE6B},   {0xFF01, 0xFF60},	{0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
	{0x16FF0, 0x16FF1}, {0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08},
	{0x1AFF0, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B150, 0x1B152}, {0x1B164, 0x1B167},
	{0x1B170, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248},
	{0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
	{0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
	{0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
	{0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7},
	{0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
	{0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF},
	{0x1FA70, 0x1FA7C}, {0x1FA80, 0x1FA88}, {0x1FA90, 0x1FABD}, {0x1FABF, 0x1FAC5},
	{0x1FACE, 0x1FADB}, {0x1FAE0, 0x1FAE8}, {0x1FAF0, 0x1FAF8}, {0x20000, 0x2FFFD},
	{0x30000, 0x3FFFD},
};

/* Combining marks and other characters that take no column. */
static const struct range zero[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},	  {0x064B, 0x065F},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},	  {0x1DC0, 0x1DFF},
	{0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},	  {0x302A, 0x302D},
	{0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

static bool in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	if (cp < t[0].first || cp > t[n - 1].last)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return true;
	}
	return false;
}

int utf8_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2; /* CJK Unified Ideographs: most of what a report holds */
	if (in_table(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	if (in_table(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

bool utf8_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

size_t utf8_line_blanks(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		bool valid;
		size_t n = utf8_decode(s + i, len - i, &cp, &valid);
		if (!valid || cp == '\n' || !utf8_is_space(cp))
			break;
		i += n;
	}
	return i;
}

size_t utf8_trim_end(const char *s, size_t len)
{
	while (len > 0) {
		size_t start = len - 1;
		while (start > 0 && len - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
			start--;
		uint32_t cp;
		bool valid;
		if (utf8_decode(s + start, len - start, &cp, &valid) != len - start || !valid ||
		    !utf8_is_space(cp))
			break;
		len = start;
	}
	return len;
}

int utf8_char_width(uint32_t cp, bool valid)
{
	if (!valid || cp == '\t')
		return 1;
	return utf8_cp_width(cp);
}

int utf8_nwidth(const char *s, size_t len)
{
	int w = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(s + i, len - i, &cp, &ok);
		w += utf8_char_width(cp, ok);
	}
	return w;
}

int utf8_width(const char *s)
{
	return utf8_nwidth(s, strlen(s));
}

size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		bool ok;
		i += utf8_decode(s + i, len - i, &cp, &ok);
		n++;
	}
	return n;
}

int utf8_digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

size_t utf8_prefix_for_width(const char *s, size_t len, int width)
{
	size_t i = 0;
	int w = 0;
	while (i < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + i, len - i, &cp, &ok);
		int cw = utf8_char_width(cp, ok);
		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	return i;
}

char *utf8_from_gb18030(const char *data, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16; /* a GB18030 character never grows beyond 2x */
	char *out = xmalloc(cap + 1);
	char *in = (char *)data, *o = out;
	size_t in_left = len, out_left = cap;
	size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
	iconv_close(cd);
	if (rc == (size_t)-1 || in_left != 0) {
		free(out);
		return NULL;
	}
	*out_len = cap - out_left;
	out[*out_len] = '\0';
	return out;
}
