/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tick-N accepts the ns, us, ms, s/sec and hz suffixes.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int a, b, c, d;

tick-100000000ns /!a/ { a = 1; }
tick-50000us /!b/ { b = 1; }
tick-20hz /!c/ { c = 1; }
tick-1s /!d/ { d = 1; }

tick-10ms
/a && b && c && d/
{
	printf("all fired\n");
	exit(0);
}
