/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sdt:sched::sched_switch fires on context switches: the machine switches
 * at least once in a second (the timer ticks wake dtrace's own threads);
 * probefunc is empty and probemod is the event's group.
 *
 * @@timeout: 60
 */

#pragma D option quiet

sdt:sched::sched_switch
{
	@[probeprov, probemod, probefunc == "" ? "empty" : probefunc,
	    probename] = count();
}

tick-1s
{
	printa("%s %s %s %s %@d\n", @);
	exit(0);
}
