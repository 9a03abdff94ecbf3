/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Character constants, including escape sequences, have the value of
 * the character.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", 'a', 'A', '0', ' ');
	printf("%d %d %d %d\n", '\n', '\t', '\0', '\\');
	printf("%d %d %d\n", '\'', '\101', '\x42');
	printf("%c%c%c\n", 'D', 'o', 'k');
	exit(0);
}
