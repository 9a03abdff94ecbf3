/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The logical operators && || ^^ and ! yield 0 or 1; && and || short-
 * circuit.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", 1 && 0, 1 && 2, 0 || 0, 0 || 7);
	printf("%d %d %d %d\n", 1 ^^ 1, 1 ^^ 0, 0 ^^ 3, 0 ^^ 0);
	printf("%d %d %d\n", !0, !5, !!9);
	x = 0;
	y = 0 && (x = 5);
	z = 1 || (x = 6);
	printf("%d %d %d\n", x, y, z);
	w = 1 && (x = 7);
	printf("%d %d\n", x, w);
	exit(0);
}
