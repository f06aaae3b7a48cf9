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

/* Columns a decoded character takes where nianbao shows it: as on a
 * terminal, except that a tab counts one (every view shows it as one
 * space) and an invalid byte one (shown as U+FFFD). */
int utf8_char_width(uint32_t cp, bool valid);

/* Display width of a NUL-terminated string, by utf8_char_width. */
int utf8_width(const char *s);
int utf8_nwidth(const char *s, size_t len);

/* Number of characters (code points) in s. */
size_t utf8_length(const char *s, size_t len);

/* 0..9 for an ASCII or fullwidth (U+FF10..U+FF19) digit, else -1. */
int utf8_digit_value(uint32_t cp);

/* Whether cp is white space: the one answer for trimming, blank tests and
 * word separation everywhere in nianbao.  It is Unicode's White_Space
 * property: ASCII space, tab, LF, VT, FF and CR; NEL U+0085; NBSP U+00A0;
 * U+1680; U+2000..U+200A; LINE and PARAGRAPH SEPARATOR U+2028, U+2029;
 * U+202F; U+205F; IDEOGRAPHIC SPACE U+3000.  ZERO WIDTH SPACE U+200B,
 * U+FEFF (a BOM inside text) and the joiners U+200C, U+200D are not: they
 * are invisible format characters, not blank space, as in Unicode.  A
 * caller that gives one of these a meaning of its own (a line break ends a
 * line, a tab separates cells, U+3000 at a line start is an indent) tests
 * for it before asking here. */
bool utf8_is_space(uint32_t cp);

/* len less the bytes of the spaces (utf8_is_space) that end s[0..len). */
size_t utf8_trim_end(const char *s, size_t len);

/* The bytes of the spaces (utf8_is_space) that start s[0..len), stopping
 * at a line break: the blanks within one line. */
size_t utf8_line_blanks(const char *s, size_t len);

/* Byte length of the longest prefix of s no wider than width columns
 * (utf8_char_width) that does not split a character. */
size_t utf8_prefix_for_width(const char *s, size_t len, int width);

/* data[0..len) converted from GB18030 (and so GBK and GB2312) to UTF-8,
 * a new terminated string (*out_len its length), or NULL when it is not
 * valid GB18030.  The caller frees it. */
char *utf8_from_gb18030(const char *data, size_t len, size_t *out_len);

#endif
