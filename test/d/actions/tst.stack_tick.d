/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack() works in the profile provider (interrupt context).  A tick
 * that interrupted user code has an empty kernel stack, as in DTrace
 * (arg1, the user PC, is then set): the predicate waits for one that
 * interrupted the kernel.
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-10ms
/arg1 == 0/
{
	stack();
	exit(0);
}
