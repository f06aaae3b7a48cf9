/* How a count, an amount of money, a year and a date are written, read
 * and printed.  The loader, the form's number cells and the importer all
 * read values here, so a clerk gets the same answer everywhere. */
#ifndef NIANBAO_VALUE_H
#define NIANBAO_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Money is kept in units of 0.0001 万元 (the 4 decimals of the form). */
#define VALUE_MONEY_SCALE 10000

/* Reads a count: decimal digits only, ASCII or fullwidth, no sign, no
 * leading zero, at most max.  Returns true and sets *out; otherwise
 * returns false and *problem is a static Chinese phrase saying why. */
bool value_parse_count(const char *s, size_t len, int64_t max, int64_t *out, const char **problem);

/* Reads an amount: digits, optionally a point and 1..decimals digits
 * (ASCII or fullwidth), below `below` whole units.  *out is scaled by
 * VALUE_MONEY_SCALE. */
bool value_parse_money(const char *s, size_t len, int decimals, int64_t below, int64_t *out,
		       const char **problem);

/* Writes an amount with exactly 4 decimals ("12.3400", "-0.5000") into out. */
void value_format_money(int64_t scaled, char out[32]);

/* Reads YYYY-MM-DD (a real calendar date). */
bool value_parse_date(const char *s, size_t len, int *year, int *month, int *day);

/* Reads a date as a clerk writes it: 2024-01-18, 2024-1-18, 2024/1/18,
 * 2024.1.18 or 2024年1月18日 (digits ASCII or fullwidth; a real calendar
 * date).  The data file itself takes only YYYY-MM-DD (value_parse_date). */
bool value_parse_date_spelled(const char *s, size_t len, int *year, int *month, int *day);

/* A number as people paste it from a spreadsheet or a published table:
 * digits (ASCII or fullwidth) in groups of three after the first, split
 * by one kind of thousands separator (, ， a space, U+3000, U+2009,
 * U+202F), e.g. 1,234 or １，２３４ or 1 234 567.  Writes the digits alone
 * (ASCII, NUL-terminated) to digits (of size at least len + 1) and
 * returns the bytes of s it takes; 0 when s does not start with such a
 * grouped number (plain digits included: they need no help). */
size_t value_take_grouped(const char *s, size_t len, char *digits);

/* Converts fullwidth digits in s to ASCII in place; returns the new length. */
size_t value_ascii_digits(char *s, size_t len);

#endif
