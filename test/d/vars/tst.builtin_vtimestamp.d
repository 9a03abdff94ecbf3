/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * vtimestamp counts the time the current thread has run on a CPU.  BEGIN
 * and END both fire in dtrace(1)'s thread (in its GO and STOP ioctls):
 * between them dtrace(1) runs a little (it polls its buffers), so
 * vtimestamp advances, and it sleeps most of the time, so vtimestamp
 * advances by less than timestamp does.  A constant, or a clock that
 * counts wall time, fails one of the two.
 */

#pragma D option quiet

BEGIN
{
	v = vtimestamp;
	t = timestamp;
}

tick-200ms
{
	exit(0);
}

END
{
	printf("%d %d\n", vtimestamp > v, vtimestamp - v < timestamp - t);
}
