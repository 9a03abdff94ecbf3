/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Assignment is right-associative and yields the assigned value.
 */

#pragma D option quiet

BEGIN
{
	a = b = c = 42;
	printf("%d %d %d\n", a, b, c);
	exit(0);
}
