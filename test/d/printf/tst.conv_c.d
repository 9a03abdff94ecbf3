/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %c prints a character, with width and left justification.
 */

#pragma D option quiet

BEGIN
{
	printf("[%c][%5c][%-3c]\n", 'A', 'B', 'C');
	printf("[%c%c]\n", 104, 105);
	exit(0);
}
