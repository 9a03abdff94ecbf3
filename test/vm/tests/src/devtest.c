// SPDX-License-Identifier: GPL-2.0
/*
 * devtest - foundation checks of a loaded dtrace.ko, run inside the test VM
 * (built static on the host by test/vm/lib.sh, started by devtest.t).
 *
 * Checks /dev/dtrace (char device, mode, owner), DTRACEIOC_INFO and its
 * argument checks, that an unprivileged open fails, that rmmod is refused
 * while the device is open (an rmmod that succeeds fails the check; the
 * module is then loaded again so the other tests run), the status file, and
 * that /sys/hypervisor agrees with the platform.
 *
 * Environment: DTRACE_TEST_PLATFORM (native|xenpv, required),
 * DTRACE_TEST_MODULE (path of the module, to reload it if an rmmod
 * succeeded).  Output: one "ok" / "not ok" line per check; exit 1 if any
 * check failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dtrace.h"

static int nfail, ncheck;

static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	ncheck++;
	if (!cond)
		nfail++;
	printf("%s %d - ", cond ? "ok" : "not ok", ncheck);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static int read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

/* Does the status text have a line "key: value"? */
static int has_line(const char *text, const char *key, const char *value)
{
	char want[256];
	const char *p = text;
	size_t n;

	snprintf(want, sizeof(want), "%s: %s", key, value);
	n = strlen(want);
	while (p && *p) {
		if (!strncmp(p, want, n) && (p[n] == '\n' || p[n] == '\0'))
			return 1;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

static int info(int fd, struct dtrace_ioc_info *in, __u32 size, __u32 version)
{
	memset(in, 0, sizeof(*in));
	in->size = size;
	in->version = version;
	return ioctl(fd, DTRACEIOC_INFO, in);
}

static const char *modname(void)
{
	static char name[64];
	const char *m = getenv("DTRACE_TEST_MODULE"), *b;
	char *p;

	b = m ? strrchr(m, '/') : NULL;
	snprintf(name, sizeof(name), "%s", b ? b + 1 : (m ? m : "dtrace.ko"));
	p = strstr(name, ".ko");
	if (p)
		*p = '\0';
	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	return name;
}

/* Child: drop to nobody and try to open the device; exit with errno. */
static int open_as_nobody(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		int fd;

		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(250);
		fd = open(DTRACE_DEVICE, O_RDWR);
		_exit(fd >= 0 ? 0 : errno);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void test_rmmod_while_open(int fd)
{
	const char *name = modname();
	const char *path = getenv("DTRACE_TEST_MODULE");
	struct dtrace_ioc_info in;
	long r;
	int e;

	r = syscall(SYS_delete_module, name, O_NONBLOCK);
	e = errno;
	if (r != 0) {
		check(e == EBUSY || e == EAGAIN,
		      "rmmod %s while /dev/dtrace is open is refused: %s",
		      name, strerror(e));
		return;
	}
	/*
	 * Unloaded under an open file: the open file holds a reference on
	 * the module (the device's fops owner), so this must not happen.
	 */
	check(0, "rmmod %s while /dev/dtrace is open is refused: it succeeded",
	      name);
	r = info(fd, &in, sizeof(in), DTRACE_ABI_VERSION);
	printf("# ioctl after rmmod returned %ld (%s)\n", r,
	       r ? strerror(errno) : "ok");
	/* Put the module back for the tests that follow. */
	if (path) {
		int mfd = open(path, O_RDONLY);

		r = mfd >= 0 ? syscall(SYS_finit_module, mfd, "", 0) : -1;
		check(r == 0, "reload %s after rmmod: %s", path,
		      r ? strerror(errno) : "ok");
		if (mfd >= 0)
			close(mfd);
	}
}

int main(void)
{
	const char *plat = getenv("DTRACE_TEST_PLATFORM");
	__u32 want_plat;
	struct dtrace_ioc_info in;
	struct utsname un;
	struct stat st;
	char buf[8192], hv[64], gt[64];
	const char *status;
	int fd, r, e, have_info = 0;
	unsigned int want_mode = 0600;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!plat || (strcmp(plat, "native") && strcmp(plat, "xenpv"))) {
		printf("not ok 1 - DTRACE_TEST_PLATFORM must be native or xenpv\n");
		return 1;
	}
	want_plat = strcmp(plat, "xenpv") ? DTRACE_PLATFORM_NATIVE
					   : DTRACE_PLATFORM_XENPV;
	uname(&un);

	/* The device node. */
	r = stat(DTRACE_DEVICE, &st);
	check(r == 0, "%s exists", DTRACE_DEVICE);
	if (r != 0)
		return 1;
	check(S_ISCHR(st.st_mode), "%s is a character device (%u:%u)",
	      DTRACE_DEVICE, major(st.st_rdev), minor(st.st_rdev));
	check(st.st_uid == 0, "%s is owned by root (uid %u)", DTRACE_DEVICE,
	      (unsigned int)st.st_uid);

	fd = open(DTRACE_DEVICE, O_RDWR);
	e = errno;
	check(fd >= 0, "root opens %s: %s", DTRACE_DEVICE,
	      fd >= 0 ? "ok" : strerror(e));

	/* DTRACEIOC_INFO */
	if (fd >= 0) {
		r = info(fd, &in, sizeof(in), DTRACE_ABI_VERSION);
		check(r == 0, "DTRACEIOC_INFO: %s", r ? strerror(errno) : "ok");
		have_info = r == 0;
	}
	if (have_info) {
		in.module_version[sizeof(in.module_version) - 1] = '\0';
		in.kernel_release[sizeof(in.kernel_release) - 1] = '\0';
		printf("# module %s abi %u platform %u kernel %s ncpus %u mode 0%o gid %u\n",
		       in.module_version, in.abi_version, in.platform,
		       in.kernel_release, in.ncpus, in.dev_mode, in.dev_gid);
		check(in.size == sizeof(in) && in.version == DTRACE_ABI_VERSION,
		      "INFO answers with its size and version");
		check(in.abi_version == DTRACE_ABI_VERSION, "ABI version %u (want %u)",
		      in.abi_version, DTRACE_ABI_VERSION);
		check(!strcmp(in.module_version, DTRACE_VERSION_STRING),
		      "module version %s (want %s)", in.module_version,
		      DTRACE_VERSION_STRING);
		check(in.platform == want_plat, "platform %u (want %u, %s)",
		      in.platform, want_plat, plat);
		check(!strcmp(in.kernel_release, un.release),
		      "built for kernel %s, running %s", in.kernel_release,
		      un.release);
		check(in.ncpus >= (unsigned int)sysconf(_SC_NPROCESSORS_ONLN),
		      "ncpus %u covers the %ld online CPUs", in.ncpus,
		      sysconf(_SC_NPROCESSORS_ONLN));
		if (in.dev_mode)
			want_mode = in.dev_mode;

		r = info(fd, &in, sizeof(in) - 8, DTRACE_ABI_VERSION);
		e = errno;
		check(r == -1 && e == EINVAL, "INFO with a wrong size: EINVAL (%s)",
		      r ? strerror(e) : "accepted");
		r = info(fd, &in, sizeof(in), DTRACE_ABI_VERSION + 100);
		e = errno;
		check(r == -1 && e == EINVAL, "INFO with a wrong version: EINVAL (%s)",
		      r ? strerror(e) : "accepted");
		r = ioctl(fd, DTRACEIOC_INFO, (void *)16);
		e = errno;
		check(r == -1 && e == EFAULT, "INFO with a bad pointer: EFAULT (%s)",
		      r ? strerror(e) : "accepted");
		r = ioctl(fd, _IOWR(DTRACE_IOC_MAGIC, 200, struct dtrace_ioc_info), &in);
		e = errno;
		check(r == -1 && (e == ENOTTY || e == EINVAL),
		      "unknown ioctl refused (%s)", r ? strerror(e) : "accepted");
	}
	check((st.st_mode & 07777) == want_mode, "%s mode 0%o (want 0%o)",
	      DTRACE_DEVICE, st.st_mode & 07777, want_mode);
	if (want_mode == 0600)
		check(st.st_gid == 0, "%s group root (gid %u)", DTRACE_DEVICE,
		      (unsigned int)st.st_gid);

	/* Unprivileged open. */
	r = open_as_nobody();
	check(r == EACCES || r == EPERM, "open as uid 65534 refused: %s",
	      r < 0 ? "child failed" : r == 0 ? "opened" :
	      r == 250 ? "could not drop privileges" : strerror(r));

	/* Status file. */
	status = NULL;
	if (read_file("/sys/kernel/debug/dtrace/status", buf, sizeof(buf)) == 0)
		status = "/sys/kernel/debug/dtrace/status";
	else if (read_file("/proc/dtrace/status", buf, sizeof(buf)) == 0)
		status = "/proc/dtrace/status";
	check(status != NULL, "status file readable (%s)", status ? status : "none");
	if (status) {
		check(has_line(buf, "version", DTRACE_VERSION_STRING),
		      "status shows version %s", DTRACE_VERSION_STRING);
		check(has_line(buf, "platform", plat), "status shows platform %s", plat);
	}

	/* The hypervisor as sysfs sees it. */
	r = read_file("/sys/hypervisor/type", hv, sizeof(hv));
	if (read_file("/sys/hypervisor/guest_type", gt, sizeof(gt)))
		strcpy(gt, "-");
	printf("# /sys/hypervisor/type %s, guest_type %s\n", r ? "absent" : hv, gt);
	if (want_plat == DTRACE_PLATFORM_XENPV)
		check(r == 0 && !strcmp(hv, "xen") && (!strcmp(gt, "-") || !strcmp(gt, "PV")),
		      "Xen PV platform: /sys/hypervisor/type is xen");
	else
		check(r != 0 || (strcmp(hv, "xen") || strcmp(gt, "PV")),
		      "native platform: not a Xen PV guest (hypervisor %s)",
		      r ? "absent" : hv);

	/* Unload while open, last: it may reload the module. */
	if (fd >= 0) {
		test_rmmod_while_open(fd);
		close(fd);
	}

	printf("# %d checks, %d failed\n", ncheck, nfail);
	return nfail ? 1 : 0;
}
