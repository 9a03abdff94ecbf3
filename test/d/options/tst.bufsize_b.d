/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -b sets the principal buffer size: 50 records do not fit in
 * 1k, the ones that do not fit are dropped and reported.
 *
 * Fifty BEGIN clauses record 1..50, one record each (a burst on one CPU,
 * independent of timing); bufcheck.awk (tst.bufsize_b.r.p) reports what
 * arrived.
 *
 * @@runtest-opts: -b 1k
 */

#pragma D option quiet

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
