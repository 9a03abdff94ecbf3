/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With bufpolicy=switch (the default policy) a record that does not fit
 * in the active buffer is dropped and counted: the oldest records arrive,
 * and the drops reported account for every record that did not.
 *
 * Fifty BEGIN clauses record 1..50, one record each (a burst on one CPU,
 * independent of timing); bufcheck.awk (tst.bufpolicy_switch.r.p) reports what
 * arrived.
 */

#pragma D option quiet
#pragma D option bufpolicy=switch
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
