/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * typedef names a type usable in declarations, casts and sizeof.
 */

#pragma D option quiet

typedef int myint_t;
typedef unsigned char byte_t;

myint_t x;

BEGIN
{
	x = 7;
	printf("%d %d %d\n", x, sizeof (myint_t), sizeof (byte_t));
	printf("%d\n", (byte_t)511);
	exit(0);
}
