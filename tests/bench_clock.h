/* What the benchmark programs share: a monotonic clock and sorting of
 * samples (medians and percentiles are read from sorted samples). */
#ifndef NIANBAO_BENCH_CLOCK_H
#define NIANBAO_BENCH_CLOCK_H

#include <stddef.h>

/* Microseconds on the monotonic clock. */
double bench_now_us(void);
/* Sorts us[0..n) in place, ascending. */
void bench_sort(double *us, size_t n);

#endif
