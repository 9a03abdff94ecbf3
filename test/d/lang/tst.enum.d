/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Enumerators are integer constants; unassigned ones continue counting
 * from the previous value.
 */

#pragma D option quiet

enum colors {
	RED,
	GREEN = 5,
	BLUE,
	WHITE = -2,
	BLACK
};

BEGIN
{
	printf("%d %d %d %d %d\n", RED, GREEN, BLUE, WHITE, BLACK);
	printf("%d\n", sizeof (enum colors));
	e = BLUE;
	printf("%d\n", e == BLUE);
	exit(0);
}
