/* UTF-8 decoding, validation and display width.  Every layout in nianbao
 * (text tables, the form's grid) measures by display width: a CJK
 * character takes two columns.  The width table is our own so that output
 * does not depend on the locale of the machine. */
#ifndef NIANBAO_UTF8_H
#define NIANBAO_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes one character at s (len bytes available, len > 0).  Returns the
 * number of bytes used; an invalid or truncated sequence uses 1 byte and
 * yields U+FFFD with *valid false. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp, bool *valid);

/* Writes cp as UTF-8 into out; returns its length (1..4). */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when s[0..len) is valid UTF-8; otherwise *bad is the offset of the
 * first invalid byte. */
bool utf8_validate(const char *s, size_t len, size_t *bad);

/* Columns a character takes on a terminal: 0, 1 or 2 (controls: 0). */
int utf8_cp_width(uint32_t cp);

/* Display width of a NUL-terminated string (invalid bytes count 1). */
int utf8_width(const char *s);
int utf8_nwidth(const char *s, size_t len);

/* Number of characters (code points) in s. */
size_t utf8_length(const char *s, size_t len);

/* 0..9 for an ASCII or fullwidth (U+FF10..U+FF19) digit, else -1. */
int utf8_digit_value(uint32_t cp);

/* Byte length of the longest prefix of s no wider than width columns
 * that does not split a character. */
size_t utf8_prefix_for_width(const char *s, size_t len, int width);

#endif
