/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * syscall::read:entry sees the call's arguments in arg0..arg2: the helper
 * reads 4321 bytes from fd 9 into a buffer (a non-NULL address).
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

syscall::read:entry
/pid == $target && execname == "dtsyscall" && arg0 == 9/
{
	printf("%s:%s fd %d size %d buf %s\n", probefunc, probename, arg0,
	    arg2, arg1 != 0 ? "non-NULL" : "NULL");
}
