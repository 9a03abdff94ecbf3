// SPDX-License-Identifier: GPL-2.0
/*
 * dtsyscall - makes known system calls for the syscall provider's tests
 * (built static on the host by test/vm/lib.sh; the D tests in
 * test/d/providers start it through ./syscall-helper with dtrace -c).
 *
 *   dtsyscall              the fixed sequence below, then exit 0
 *   dtsyscall getppid N    getppid() exactly N times, then exit 0
 *   dtsyscall spin SECONDS bursts of 200 getppid() calls 5 ms apart for
 *                          SECONDS (a workload that leaves CPU to others)
 *   dtsyscall time N       getppid() N times, prints the time per call
 *
 * The fixed sequence, each call made once with syscall(2) so that the C
 * library adds or changes nothing:
 *   1. getppid() 7 times
 *   2. openat(AT_FDCWD, "/nonexistent/dtrace-syscall-test", O_RDONLY)
 *      fails with ENOENT (2)
 *   3. openat(AT_FDCWD, "/dev/zero", O_RDONLY) -> fd, dup2(fd, 9),
 *      close(fd)
 *   4. read(9, buf, 4321) returns 4321
 *   5. close(9) returns 0, close(9) again fails with EBADF (9)
 * Nothing is printed unless a step does not behave as described (then
 * the exit status is 1).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int fail(const char *what)
{
	fprintf(stderr, "dtsyscall: %s: %s\n", what, strerror(errno));
	return 1;
}

static int sequence(void)
{
	static char buf[8192];
	long fd, r;
	int i;

	for (i = 0; i < 7; i++)
		syscall(SYS_getppid);
	r = syscall(SYS_openat, AT_FDCWD, "/nonexistent/dtrace-syscall-test",
		    O_RDONLY);
	if (r != -1 || errno != ENOENT)
		return fail("openat of a missing file did not fail with ENOENT");
	fd = syscall(SYS_openat, AT_FDCWD, "/dev/zero", O_RDONLY);
	if (fd < 0)
		return fail("openat /dev/zero");
	if (fd != 9) {
		if (syscall(SYS_dup2, fd, 9) != 9)
			return fail("dup2");
		syscall(SYS_close, fd);
	}
	if (syscall(SYS_read, 9, buf, 4321) != 4321)
		return fail("read(9, buf, 4321)");
	if (syscall(SYS_close, 9) != 0)
		return fail("close(9)");
	if (syscall(SYS_close, 9) != -1 || errno != EBADF)
		return fail("second close(9) did not fail with EBADF");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 1)
		return sequence();
	if (argc == 3 && !strcmp(argv[1], "getppid")) {
		long i, n = strtol(argv[2], NULL, 10);

		for (i = 0; i < n; i++)
			syscall(SYS_getppid);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "spin")) {
		time_t end = time(NULL) + strtol(argv[2], NULL, 10);
		struct timespec ts = { 0, 5 * 1000 * 1000 };
		int i;

		while (time(NULL) < end) {
			for (i = 0; i < 200; i++)
				syscall(SYS_getppid);
			nanosleep(&ts, NULL);
		}
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "time")) {
		long i, n = strtol(argv[2], NULL, 10);
		struct timespec t0, t1;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (i = 0; i < n; i++)
			syscall(SYS_getppid);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("%.1f ns per getppid\n",
		       ((t1.tv_sec - t0.tv_sec) * 1e9 +
			(t1.tv_nsec - t0.tv_nsec)) / (n > 0 ? n : 1));
		return 0;
	}
	fprintf(stderr, "usage: dtsyscall [getppid N | spin SECONDS | time N]\n");
	return 2;
}
