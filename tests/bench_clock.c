/* The benchmarks' clock and sorting; see bench_clock.h. */
#include "bench_clock.h"

#include <stdlib.h>
#include <time.h>

double bench_now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

void bench_sort(double *us, size_t n)
{
	qsort(us, n, sizeof *us, compare_doubles);
}
