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

/* Converts fullwidth digits in s to ASCII in place; returns the new length. */
size_t value_ascii_digits(char *s, size_t len);

#endif
