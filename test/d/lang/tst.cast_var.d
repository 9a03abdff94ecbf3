/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Storing into a variable of a narrower declared type truncates the
 * value.
 */

#pragma D option quiet

char c;
unsigned short us;
int i;

BEGIN
{
	c = 300;
	us = 70000;
	i = 0x1ffffffff;
	printf("%d %d %d\n", c, us, i);
	exit(0);
}
