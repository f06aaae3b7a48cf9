/* Allocation wrappers; see xalloc.h. */
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void xalloc_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

static void xalloc_die(size_t size)
{
	if (fatal_hook)
		fatal_hook();
	fprintf(stderr, "nianbao: 内存不足（申请 %zu 字节失败）\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		xalloc_die(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		xalloc_die(size);
	return p;
}

void *xgrow(void *ptr, size_t *count, size_t need, size_t size)
{
	size_t n = *count ? *count : 8;
	if (need <= *count)
		return ptr;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			xalloc_die(SIZE_MAX);
		n *= 2;
	}
	ptr = xrealloc(ptr, n * size);
	*count = n;
	return ptr;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		xalloc_die(0);
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, again);
	va_end(again);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
