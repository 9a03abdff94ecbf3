/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The compound assignment operators += -= *= /= %= <<= >>= |= &= ^=
 * update the variable and yield the new value.
 */

#pragma D option quiet

BEGIN
{
	x = 10;
	x += 5; printf("%d ", x);
	x -= 3; printf("%d ", x);
	x *= 2; printf("%d ", x);
	x /= 5; printf("%d ", x);
	x %= 3; printf("%d ", x);
	x <<= 4; printf("%d ", x);
	x >>= 2; printf("%d ", x);
	x |= 3; printf("%d ", x);
	x &= 5; printf("%d ", x);
	x ^= 1; printf("%d\n", x);
	y = (x += 10);
	printf("%d %d\n", x, y);
	exit(0);
}
