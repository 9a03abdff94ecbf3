/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With bufpolicy=fill, once the buffer is full the record that does not
 * fit is dropped and tracing stops: the oldest records are kept, later
 * clauses do not run (n stops at the last kept record), and END still
 * records, in the space DTrace keeps for it.
 *
 * Fifty BEGIN clauses record 1..50, one record each (a burst on one CPU,
 * independent of timing); bufcheck.awk (tst.bufpolicy_fill.r.p) reports what
 * arrived.
 */

#pragma D option quiet
#pragma D option bufpolicy=fill
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

END
{
	printf("end %d\n", n);
}
