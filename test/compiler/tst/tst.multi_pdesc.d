/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Several descriptions share one clause.
 */

syscall::read:entry,
syscall::write:entry,
syscall::pread64:entry
/pid != $pid/
{
	@[probefunc] = count();
}

tick-1s, END
{
	printa(@);
}
