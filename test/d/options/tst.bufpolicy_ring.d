/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With bufpolicy=ring the principal buffer is a ring: once full, new
 * records overwrite the oldest, nothing is dropped, and what dtrace(1)
 * prints when tracing stops is the newest records, in order.
 *
 * Fifty BEGIN clauses record 1..50, one record each (a burst on one CPU,
 * independent of timing); bufcheck.awk (tst.bufpolicy_ring.r.p) reports what
 * arrived.
 */

#pragma D option quiet
#pragma D option bufpolicy=ring
#pragma D option bufsize=512

int n;

BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }
BEGIN { printf("%d\n", ++n); }

/* Not a BEGIN clause: its record could be dropped, and exit() with it. */
tick-50ms
{
	exit(0);
}
