/* Tests of the hits of a text kept around a gap (text_hits.c): random
 * edits anywhere, mostly where the last one was (as typing goes), each
 * checked against a plain list that shifts every hit after the edit. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_hits.h"
#include "xalloc.h"

#define WORDS 3

struct plain {
	struct text_hit items[4096];
	size_t count, len;
};

/* The plain list after the same edit: what text_hits_replace promises. */
static void plain_replace(struct plain *p, size_t lo, size_t old_hi, size_t new_hi,
			  const struct text_hit *fresh, size_t n)
{
	struct plain out = {.len = p->len - old_hi + new_hi};
	size_t i = 0;
	for (; i < p->count && p->items[i].m.at < lo; i++)
		out.items[out.count++] = p->items[i];
	for (size_t j = 0; j < n; j++)
		out.items[out.count++] = fresh[j];
	for (; i < p->count && p->items[i].m.at < old_hi; i++)
		;
	for (; i < p->count; i++) {
		struct text_hit x = p->items[i];
		x.m.at = x.m.at - old_hi + new_hi;
		x.m.end = x.m.end - old_hi + new_hi;
		x.m.slot_at = x.m.slot_at - old_hi + new_hi;
		out.items[out.count++] = x;
	}
	*p = out;
}

static void assert_same(const struct text_hits *h, const struct plain *p)
{
	assert_int_equal(text_hits_count(h), p->count);
	assert_int_equal(h->len, p->len);
	size_t counts[WORDS] = {0};
	for (size_t i = 0; i < p->count; i++) {
		struct text_hit x = text_hits_get(h, i);
		assert_int_equal(x.which, p->items[i].which);
		assert_int_equal(x.m.at, p->items[i].m.at);
		assert_int_equal(x.m.end, p->items[i].m.end);
		assert_int_equal(x.m.slot_at, p->items[i].m.slot_at);
		assert_int_equal(x.m.value, p->items[i].m.value);
		counts[x.which]++;
	}
	for (size_t w = 0; w < WORDS; w++)
		assert_int_equal(h->counts[w], counts[w]);
}

static void test_random_edits(void **state)
{
	(void)state;
	struct text_hits h;
	static struct plain p;
	p.count = 0;
	p.len = 1000;
	text_hits_init(&h, WORDS, p.len);
	unsigned seed = 7;
	size_t cursor = 500;
	for (int round = 0; round < 20000; round++) {
		seed = seed * 1103515245u + 12345u;
		/* mostly at the cursor; now and then anywhere, the start or the end */
		size_t lo = cursor;
		switch ((seed >> 8) % 8) {
		case 0:
			lo = (seed >> 12) % (p.len + 1);
			break;
		case 1:
			lo = 0;
			break;
		case 2:
			lo = p.len;
			break;
		default:
			break;
		}
		if (lo > p.len)
			lo = p.len;
		size_t old_hi = lo + (seed >> 16) % 40;
		if (old_hi > p.len)
			old_hi = p.len;
		size_t new_hi = lo + (seed >> 20) % 40;
		if (p.len - (old_hi - lo) + (new_hi - lo) > 3000)
			new_hi = lo;
		struct text_hit fresh[8];
		size_t n = new_hi > lo && p.count < 4000 ? (seed >> 24) % 8 : 0;
		for (size_t i = 0; i < n; i++) {
			size_t at = lo + (new_hi - lo) * i / (n ? n : 1);
			fresh[i] = (struct text_hit){
				(seed >> i) % WORDS,
				{at, at + (new_hi - at) / 2, at, (int64_t)round}};
		}
		text_hits_replace(&h, lo, old_hi, new_hi, fresh, n);
		plain_replace(&p, lo, old_hi, new_hi, fresh, n);
		assert_same(&h, &p);
		cursor = new_hi;
	}
	text_hits_fini(&h);
}

/* A whole text read at once, then emptied by one edit. */
static void test_whole_text(void **state)
{
	(void)state;
	struct text_hits h;
	text_hits_init(&h, WORDS, 0);
	struct text_hit all[] = {{0, {0, 2, 0, 0}}, {2, {3, 3, 3, 0}}, {0, {9, 11, 10, 5}}};
	text_hits_replace(&h, 0, 0, 12, all, 3);
	assert_int_equal(text_hits_count(&h), 3);
	assert_int_equal(h.counts[0], 2);
	assert_int_equal(text_hits_get(&h, 2).m.slot_at, 10);
	text_hits_replace(&h, 0, 12, 0, NULL, 0);
	assert_int_equal(text_hits_count(&h), 0);
	assert_int_equal(h.counts[0], 0);
	assert_int_equal(h.counts[2], 0);
	assert_int_equal(h.len, 0);
	text_hits_fini(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_edits),
		cmocka_unit_test(test_whole_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
