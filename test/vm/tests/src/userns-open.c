// SPDX-License-Identifier: GPL-2.0
/*
 * userns-open - try the user-namespace trick on /dev/dtrace's group check
 * (run as root inside the test VM by devmode.host.t; built static on the
 * host by test/vm/lib.sh).
 *
 *   userns-open GID
 *
 * Leaves the test runner's chroot (the kernel refuses a new user namespace
 * to a chrooted process) by taking init's root, becomes uid/gid 65534 with
 * no supplementary group and no capability, makes a user namespace in
 * which GID is mapped onto its own gid 65534 (what any unprivileged user
 * may do), checks that it now has GID inside, and opens /dev/dtrace.
 *
 * Prints one line; exits 0 if the open was refused with EPERM (the group
 * is judged in the initial namespace), 1 if it succeeded (the trick
 * worked), 2 if the namespace could not be made, 3 on another error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

int main(int argc, char **argv)
{
	char map[64];
	long gid;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: userns-open GID\n");
		return 3;
	}
	gid = strtol(argv[1], NULL, 10);
	if (chdir("/proc/1/root") || chroot(".") || chdir("/")) {
		printf("cannot take init's root: %s\n", strerror(errno));
		return 3;
	}
	if (setgroups(0, NULL) || setgid(65534) || setuid(65534)) {
		printf("cannot become 65534: %s\n", strerror(errno));
		return 3;
	}
	/* changing IDs made us non-dumpable: /proc/self would be root's */
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)) {
		printf("cannot become dumpable: %s\n", strerror(errno));
		return 3;
	}
	if (unshare(CLONE_NEWUSER)) {
		printf("cannot make a user namespace: %s\n", strerror(errno));
		return 2;
	}
	snprintf(map, sizeof(map), "%ld 65534 1\n", gid);
	if (write_file("/proc/self/setgroups", "deny") ||
	    write_file("/proc/self/gid_map", map)) {
		printf("cannot map gid %ld: %s\n", gid, strerror(errno));
		return 2;
	}
	if ((long)getgid() != gid) {
		printf("gid in the namespace is %ld, not %ld\n",
		       (long)getgid(), gid);
		return 2;
	}
	fd = open("/dev/dtrace", O_RDWR);
	if (fd >= 0) {
		printf("opened /dev/dtrace as gid %ld of a user namespace\n",
		       gid);
		close(fd);
		return 1;
	}
	if (errno == EPERM) {
		printf("refused: %s\n", strerror(errno));
		return 0;
	}
	printf("open /dev/dtrace: %s\n", strerror(errno));
	return 3;
}
