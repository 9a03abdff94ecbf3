/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * syscall::read:return: arg0 and arg1 are both the return value (the
 * helper's read(9, buf, 4321) of /dev/zero returns 4321) and errno is 0
 * for a call that succeeded.
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

syscall::read:entry
/pid == $target && execname == "dtsyscall" && arg0 == 9/
{
	self->fd9 = 1;
}

syscall::read:return
/self->fd9/
{
	printf("%s:%s arg0 %d arg1 %d errno %d\n", probefunc, probename, arg0,
	    arg1, errno);
	self->fd9 = 0;
}
