/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Escape sequences in string constants: \n \t \\ \" octal and
 * hexadecimal.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", "a\tb");
	printf("[%s]\n", "q\"q");
	printf("[%s]\n", "back\\slash");
	printf("[%s]\n", "\101\102\x43");
	printf("[%s]\n", "two\nlines");
	exit(0);
}
