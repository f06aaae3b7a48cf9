/* Runs a command ROUNDS times and prints how long it took (median and
 * slowest wall time) and the peak memory of the largest run (maximum
 * resident set, from wait4), for the benchmark script bench-compare.sh:
 *   nianbao-bench-run ROUNDS COMMAND [ARG...]
 * prints "MEDIAN_MS MAX_MS PEAK_KB STATUS" on one line; STATUS is the exit
 * status of the last run (or 128 + signal).  Its output is discarded. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_clock.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s ROUNDS COMMAND [ARG...]\n", argv[0]);
		return 2;
	}
	int rounds = atoi(argv[1]);
	if (rounds < 1)
		rounds = 1;
	double *ms = calloc((size_t)rounds, sizeof *ms);
	long peak_kb = 0;
	int status = 0;
	for (int i = 0; i < rounds; i++) {
		double start = bench_now_us();
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 2;
		}
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int wstatus;
		struct rusage ru;
		if (wait4(pid, &wstatus, 0, &ru) != pid) {
			perror("wait4");
			return 2;
		}
		ms[i] = (bench_now_us() - start) / 1000.0;
		if (ru.ru_maxrss > peak_kb)
			peak_kb = ru.ru_maxrss;
		status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
	}
	bench_sort(ms, (size_t)rounds);
	printf("%.3f %.3f %ld %d\n", ms[rounds / 2], ms[rounds - 1], peak_kb, status);
	free(ms);
	return 0;
}
