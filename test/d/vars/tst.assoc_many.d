/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Many elements can be stored and retrieved.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int i;

tick-1ms
/i < 100/
{
	a[i] = i * i;
	i++;
}

tick-1ms
/i == 100/
{
	printf("%d %d %d\n", a[0], a[50], a[99]);
	exit(0);
}
