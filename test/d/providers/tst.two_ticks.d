/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Two tick probes of different rates both fire.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int a, b;

tick-10ms
{
	a++;
}

tick-30ms
{
	b++;
}

tick-10ms
/a > 10 && b > 1/
{
	printf("both\n");
	exit(0);
}
