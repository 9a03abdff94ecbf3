/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * switchrate also accepts a time interval.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option switchrate=20ms

int n;

tick-10ms
/n < 5/
{
	printf("%d\n", ++n);
}

tick-10ms
/n == 5/
{
	exit(0);
}
