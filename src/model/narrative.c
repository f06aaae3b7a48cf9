/* Level-2 headings of narratives; see narrative.h. */
#include "narrative.h"

#include <stdint.h>

#include "utf8.h"

static bool is_numeral(uint32_t cp)
{
	static const uint32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
	for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
		if (cp == numerals[i])
			return true;
	return false;
}

bool narrative_heading(const char *para, size_t len, size_t *start, size_t *end)
{
	size_t at = 0, from;
	uint32_t cp;
	bool valid;
	for (;;) {
		from = at;
		if (at >= len)
			return false;
		at += utf8_decode(para + at, len - at, &cp, &valid);
		if (!utf8_is_space(cp))
			break;
	}
	if (cp != 0xFF08 /* （ */ && cp != '(')
		return false;
	size_t numerals = 0, chars = 1;
	for (;;) {
		if (at >= len)
			return false;
		at += utf8_decode(para + at, len - at, &cp, &valid);
		chars++;
		if (!is_numeral(cp))
			break;
		numerals++;
	}
	/* 一 to 九十九: two numerals at most besides 十 */
	if (numerals == 0 || numerals > 3 || (cp != 0xFF09 /* ） */ && cp != ')'))
		return false;
	while (at < len) {
		at += utf8_decode(para + at, len - at, &cp, &valid);
		chars++;
		if (cp == 0x3002 /* 。 */ || cp == 0xFF1A /* ： */ || cp == ':') {
			if (chars > NARRATIVE_HEADING_MAX)
				return false;
			*start = from;
			*end = at;
			return true;
		}
	}
	size_t last = utf8_trim_end(para, len);
	chars = 0;
	for (size_t i = from; i < last; chars++)
		i += utf8_decode(para + i, last - i, &cp, &valid);
	if (chars > NARRATIVE_HEADING_LINE)
		return false;
	*start = from;
	*end = last;
	return true;
}
