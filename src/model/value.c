/* Values as a clerk writes them; see value.h. */
#include "value.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Reads a run of digits (ASCII or fullwidth) starting at *pos; returns the
 * number of digits read and accumulates up to 18 of them into *value. */
static size_t read_digits(const char *s, size_t len, size_t *pos, int64_t *value, int *first_digit)
{
	size_t count = 0;
	*first_digit = -1;
	while (*pos < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + *pos, len - *pos, &cp, &ok);
		int d = ok ? utf8_digit_value(cp) : -1;
		if (d < 0)
			break;
		if (count == 0)
			*first_digit = d;
		if (count < 18)
			*value = *value * 10 + d;
		count++;
		*pos += n;
	}
	return count;
}

/* Names what is wrong with text that is not a plain number. */
static const char *number_problem(const char *s, size_t len)
{
	if (len == 0)
		return "没有填写数值";
	if (s[0] == '-' || (len >= 3 && memcmp(s, "－", 3) == 0))
		return "不能是负数";
	if (s[0] == '+')
		return "不要写正号";
	if (memchr(s, ' ', len) || memchr(s, '\t', len))
		return "数字中间或前后不能有空格";
	if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'b'))
		return "只能用十进制数字书写";
	if (memchr(s, ',', len) || memchr(s, '_', len))
		return "数字之间不能有逗号或下划线";
	const char *e = memchr(s, 'e', len);
	if (!e)
		e = memchr(s, 'E', len);
	if (e && e > s && e[-1] >= '0' && e[-1] <= '9')
		return "不能用科学计数法";
	if (memchr(s, ':', len))
		return "只能由数字组成（不是时间或六十进制数）";
	return "只能由数字组成";
}

bool value_parse_count(const char *s, size_t len, int64_t max, int64_t *out, const char **problem)
{
	size_t pos = 0;
	int64_t v = 0;
	int first;
	size_t digits = read_digits(s, len, &pos, &v, &first);

	if (digits == 0 || pos != len) {
		bool point = digits > 0 &&
			     (s[pos] == '.' || (len - pos >= 3 && memcmp(s + pos, "．", 3) == 0));
		*problem = point ? "必须是整数，不能有小数" : number_problem(s, len);
		return false;
	}
	if (digits > 1 && first == 0) {
		*problem = "不能以 0 开头";
		return false;
	}
	if (digits > 18 || v > max) {
		*problem = "超过了上限";
		return false;
	}
	*out = v;
	return true;
}

bool value_parse_money(const char *s, size_t len, int decimals, int64_t below, int64_t *out,
		       const char **problem)
{
	size_t pos = 0;
	int64_t whole = 0, frac = 0;
	int first, ffirst;
	size_t digits = read_digits(s, len, &pos, &whole, &first);

	if (digits == 0) {
		bool point = len > 0 && (s[0] == '.' || (len >= 3 && memcmp(s, "．", 3) == 0));
		*problem = point ? "小数点前面缺少数字（例如 0.5）" : number_problem(s, len);
		return false;
	}
	if (digits > 1 && first == 0) {
		*problem = "整数部分不能以 0 开头";
		return false;
	}
	size_t fdigits = 0;
	if (pos < len && (s[pos] == '.' || (len - pos >= 3 && memcmp(s + pos, "．", 3) == 0))) {
		pos += s[pos] == '.' ? 1 : 3;
		fdigits = read_digits(s, len, &pos, &frac, &ffirst);
		if (fdigits == 0) {
			*problem = "小数点后面缺少数字";
			return false;
		}
		if (fdigits > (size_t)decimals) {
			static const char *const too_many[] = {"不能有小数", "小数超过 1 位",
							       "小数超过 2 位", "小数超过 3 位",
							       "小数超过 4 位"};
			*problem = too_many[decimals < 0 ? 0 : decimals > 4 ? 4 : decimals];
			return false;
		}
	}
	if (pos != len) {
		*problem = number_problem(s, len);
		return false;
	}
	if (digits > 18 || whole >= below) {
		*problem = "金额过大，应小于 1000000000 万元";
		return false;
	}
	for (size_t i = fdigits; i < 4; i++)
		frac *= 10;
	*out = whole * VALUE_MONEY_SCALE + frac;
	return true;
}

void value_format_money(int64_t scaled, char out[32])
{
	uint64_t magnitude = scaled < 0 ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
	snprintf(out, 32, "%s%llu.%04llu", scaled < 0 ? "-" : "",
		 (unsigned long long)(magnitude / VALUE_MONEY_SCALE),
		 (unsigned long long)(magnitude % VALUE_MONEY_SCALE));
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

bool value_parse_date(const char *s, size_t len, int *year, int *month, int *day)
{
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	int v[3] = {0, 0, 0};
	const int start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < width[f]; i++) {
			char c = s[start[f] + i];
			if (c < '0' || c > '9')
				return false;
			v[f] = v[f] * 10 + (c - '0');
		}
	}
	if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
		return false;
	*year = v[0];
	*month = v[1];
	*day = v[2];
	return true;
}

/* Takes the separator word sep (UTF-8) at s[*i..len). */
static bool take_word(const char *s, size_t len, size_t *i, const char *sep)
{
	size_t n = strlen(sep);
	if (len - *i < n || memcmp(s + *i, sep, n) != 0)
		return false;
	*i += n;
	return true;
}

bool value_parse_date_spelled(const char *s, size_t len, int *year, int *month, int *day)
{
	static const char *const spellings[][3] = {
		{"-", "-", ""},	  {"/", "/", ""},   {".", ".", ""},   {"年", "月", "日"},
		{"－", "－", ""}, {"／", "／", ""}, {"．", "．", ""},
	};
	for (size_t k = 0; k < sizeof spellings / sizeof spellings[0]; k++) {
		size_t i = 0;
		int64_t v[3] = {0, 0, 0};
		int first;
		size_t n0 = read_digits(s, len, &i, &v[0], &first);
		if (n0 != 4 || !take_word(s, len, &i, spellings[k][0]))
			continue;
		size_t n1 = read_digits(s, len, &i, &v[1], &first);
		if (n1 < 1 || n1 > 2 || !take_word(s, len, &i, spellings[k][1]))
			continue;
		size_t n2 = read_digits(s, len, &i, &v[2], &first);
		if (n2 < 1 || n2 > 2 || !take_word(s, len, &i, spellings[k][2]) || i != len)
			continue;
		if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
		    v[2] > days_in_month((int)v[0], (int)v[1]))
			return false;
		*year = (int)v[0];
		*month = (int)v[1];
		*day = (int)v[2];
		return true;
	}
	return false;
}

/* The thousands separator at s (its length in bytes), or 0. */
static size_t separator_at(const char *s, size_t len)
{
	static const char *const separators[] = {",", "，", " ", "\u3000", "\u2009", "\u202F"};
	for (size_t k = 0; k < sizeof separators / sizeof separators[0]; k++) {
		size_t n = strlen(separators[k]);
		if (len >= n && memcmp(s, separators[k], n) == 0)
			return n;
	}
	return 0;
}

size_t value_take_grouped(const char *s, size_t len, char *digits)
{
	size_t i = 0, w = 0, groups = 0, sep_len = 0;
	const char *sep = NULL;
	for (;;) {
		size_t count = 0;
		while (i < len) {
			uint32_t cp;
			bool ok;
			size_t step = utf8_decode(s + i, len - i, &cp, &ok);
			int d = ok ? utf8_digit_value(cp) : -1;
			if (d < 0)
				break;
			digits[w++] = (char)('0' + d);
			i += step;
			count++;
		}
		/* the first group has 1 to 3 digits, the others exactly 3 */
		if (groups == 0 ? count < 1 || count > 3 : count != 3)
			return 0;
		groups++;
		size_t n = separator_at(s + i, len - i);
		bool same = n && (!sep || (n == sep_len && memcmp(s + i, sep, n) == 0));
		size_t after = i + n;
		uint32_t cp = 0;
		bool ok;
		if (same && after < len)
			utf8_decode(s + after, len - after, &cp, &ok);
		if (!same || utf8_digit_value(cp) < 0) {
			digits[w] = '\0';
			return groups > 1 ? i : 0;
		}
		sep = s + i;
		sep_len = n;
		i = after;
	}
}

size_t value_ascii_digits(char *s, size_t len)
{
	size_t r = 0, w = 0;
	while (r < len) {
		uint32_t cp;
		bool ok;
		size_t n = utf8_decode(s + r, len - r, &cp, &ok);
		if (ok && cp >= 0xFF10 && cp <= 0xFF19) {
			s[w++] = (char)('0' + (cp - 0xFF10));
		} else {
			memmove(s + w, s + r, n);
			w += n;
		}
		r += n;
	}
	if (w < len)
		s[w] = '\0';
	return w;
}
