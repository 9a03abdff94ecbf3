/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * char is signed on x86-64.
 */

#pragma D option quiet

BEGIN
{
	c = (char)200;
	printf("%d %d\n", c, c < 0);
	exit(0);
}
