/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Output with many lines keeps them all, in order.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int i;

tick-1ms
/i < 40/
{
	printf("line %d\n", i++);
}

tick-1ms
/i >= 40/
{
	exit(0);
}
