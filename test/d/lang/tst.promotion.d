/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer promotions and the usual arithmetic conversions apply to
 * mixed-type arithmetic.
 */

#pragma D option quiet

BEGIN
{
	c = (char)100;
	d = (char)100;
	printf("%d\n", c + d);
	printf("%d\n", (unsigned char)200 + (unsigned char)100);
	printf("%u\n", (unsigned)0 - 1);
	printf("%d\n", 1U - 2 > 0);
	printf("%u\n", (unsigned)-2 / 2);
	printf("%u\n", 0UL - 1);
	printf("%u\n", -1 + 0UL);
	printf("%d\n", -7 / 2U > 0);
	exit(0);
}
