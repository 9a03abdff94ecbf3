// SPDX-License-Identifier: GPL-2.0
/*
 * bench-loop - time one cheap kernel operation per iteration, inside the
 * benchmark VM (test/bench/bench.sh; built static on the host by
 * `make bench-prog`, mk/bench.mk).
 *
 *   bench-loop [-n N] [-k K] [-c CPU] [-s NS_PER_TICK] getppid|read
 *   bench-loop -C      calibrate: print the TSC's ns per tick (over 1 s)
 *
 * getppid  one getppid(2) per operation: the cheapest system call there is,
 *          for the syscall provider and the kernel's syscall tracepoints.
 * read     one read(2) of 1 byte from /dev/zero per operation: one call of
 *          vfs_read() (and of nothing else that a probe on vfs_read sees),
 *          for fbt, kprobe events, the function tracer and bpftrace kprobes.
 *
 * Runs N operations K times (after one untimed warm-up run of N/10) and
 * prints the best run's cost per operation in nanoseconds, e.g.
 * "getppid 412.3 ns/op (best of 5 x 100000)".  With -c it pins itself to
 * CPU first.  Exit 1 on a usage or system call error.
 *
 * Runs are timed with the TSC, converted to ns with -s (from a -C run) or
 * by a 200 ms calibration against CLOCK_MONOTONIC: in a Xen PV guest under
 * QEMU TCG, CLOCK_MONOTONIC advances in steps of milliseconds (the pvclock
 * sees no usable TSC delta), too coarse for runs of a few ms.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int fd = -1;
static double ns_per_tick;

static double clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static inline unsigned long long tsc(void)
{
	unsigned int lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (unsigned long long)hi << 32 | lo;
}

/* TSC ticks against CLOCK_MONOTONIC over at least ms milliseconds */
static double calibrate(long ms)
{
	struct timespec req = { ms / 1000, (ms % 1000) * 1000000L };
	unsigned long long c0, c1;
	double t0, t1;

	t0 = clock_ns();
	c0 = tsc();
	nanosleep(&req, NULL);
	/* end on a clock step, whatever the clock's granularity */
	t1 = clock_ns();
	while (clock_ns() == t1)
		;
	c1 = tsc();
	t1 = clock_ns();
	return (t1 - t0) / (double)(c1 - c0);
}

static double now_ns(void)
{
	return tsc() * ns_per_tick;
}

/* One timed run of n operations; returns ns per operation, < 0 on error. */
static double run(int op, long n)
{
	char c;
	double t0, t1;
	long i;

	t0 = now_ns();
	if (op == 0) {
		for (i = 0; i < n; i++)
			syscall(SYS_getppid);	/* never cached by libc */
	} else {
		for (i = 0; i < n; i++)
			if (read(fd, &c, 1) != 1)
				return -1;
	}
	t1 = now_ns();
	return (t1 - t0) / n;
}

static void usage(void)
{
	fprintf(stderr, "usage: bench-loop [-n N] [-k K] [-c CPU] [-s NS_PER_TICK] getppid|read\n"
		"       bench-loop -C\n");
	exit(1);
}

int main(int argc, char **argv)
{
	long n = 100000, k = 5, i;
	double best = -1, t;
	int cpu = -1, op, opt;

	while ((opt = getopt(argc, argv, "n:k:c:s:C")) != -1) {
		switch (opt) {
		case 'n': n = atol(optarg); break;
		case 'k': k = atol(optarg); break;
		case 'c': cpu = atoi(optarg); break;
		case 's': ns_per_tick = atof(optarg); break;
		case 'C':
			printf("%.9g\n", calibrate(1000));
			return 0;
		default: usage();
		}
	}
	if (ns_per_tick <= 0)
		ns_per_tick = calibrate(200);
	if (optind != argc - 1 || n < 1 || k < 1)
		usage();
	if (!strcmp(argv[optind], "getppid")) {
		op = 0;
	} else if (!strcmp(argv[optind], "read")) {
		op = 1;
		fd = open("/dev/zero", O_RDONLY);
		if (fd < 0) {
			perror("bench-loop: /dev/zero");
			return 1;
		}
	} else {
		usage();
	}
	if (cpu >= 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set)) {
			perror("bench-loop: sched_setaffinity");
			return 1;
		}
	}
	if (run(op, n / 10 + 1) < 0) {
		perror("bench-loop: read");
		return 1;
	}
	for (i = 0; i < k; i++) {
		t = run(op, n);
		if (t < 0) {
			perror("bench-loop: read");
			return 1;
		}
		if (best < 0 || t < best)
			best = t;
	}
	printf("%s %.1f ns/op (best of %ld x %ld)\n", argv[optind], best, k, n);
	return 0;
}
