/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * errno is 0 outside syscall return probes: in BEGIN, in the entry probes
 * of the helper's two close(9) calls (the second one is about to fail) and
 * in END.  In the return probe of the failing close it is EBADF (9).
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

BEGIN
{
	printf("BEGIN %d\n", errno);
}

syscall::close:entry
/pid == $target && execname == "dtsyscall" && arg0 == 9/
{
	printf("close:entry %d\n", errno);
	self->close9 = 1;
}

syscall::close:return
/self->close9 && errno != 0/
{
	printf("close:return %d\n", errno);
	self->close9 = 0;
}

END
{
	printf("END %d\n", errno);
}
