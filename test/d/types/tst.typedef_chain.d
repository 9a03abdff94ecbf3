/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A typedef of a typedef resolves to the base type.
 */

#pragma D option quiet

typedef unsigned int u32_t;
typedef u32_t myu32_t;

BEGIN
{
	x = (myu32_t)-1;
	printf("%u %d\n", x, sizeof (myu32_t));
	exit(0);
}
