/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Every call fires its entry and its return probe once: the helper calls
 * getppid exactly 7 times.
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

syscall::getppid:entry
/pid == $target && execname == "dtsyscall"/
{
	@entry = count();
}

syscall::getppid:return
/pid == $target && execname == "dtsyscall"/
{
	@ret = count();
}

END
{
	printa("entry %@d\n", @entry);
	printa("return %@d\n", @ret);
}
