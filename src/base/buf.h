/* A growable byte buffer, always NUL-terminated, for building output. */
#ifndef NIANBAO_BUF_H
#define NIANBAO_BUF_H

#include <stddef.h>

struct buf {
	char *data; /* owned; "" until something is added */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_fini(struct buf *b);
void buf_clear(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends n spaces. */
void buf_pad(struct buf *b, int n);
/* Gives the contents to the caller, who frees them; b is left empty. */
char *buf_take(struct buf *b);

#endif
