/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A failed system call's return probe has errno set to its error and the
 * kernel's return value, -errno, in arg0 and arg1: the helper's openat of
 * a missing file fails with ENOENT (2), its second close(9) with EBADF
 * (9).  Its first close(9) succeeds: errno 0.
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

syscall::openat:entry
/pid == $target && execname == "dtsyscall"/
{
	self->missing = copyinstr(arg1) == "/nonexistent/dtrace-syscall-test";
}

syscall::openat:return
/self->missing/
{
	printf("%s arg0 %d arg1 %d errno %d\n", probefunc, arg0, arg1, errno);
	self->missing = 0;
}

syscall::close:entry
/pid == $target && execname == "dtsyscall" && arg0 == 9/
{
	self->close9 = 1;
}

syscall::close:return
/self->close9/
{
	printf("%s arg0 %d arg1 %d errno %d\n", probefunc, arg0, arg1, errno);
	self->close9 = 0;
}
