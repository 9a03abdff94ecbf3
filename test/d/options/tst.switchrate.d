/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The switchrate option is accepted with a rate suffix.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option switchrate=50hz

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
