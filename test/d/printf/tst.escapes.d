/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Escape sequences in the format are interpreted.
 */

#pragma D option quiet

BEGIN
{
	printf("a\tb\\c\"d\n");
	printf("\101\x42\n");
	exit(0);
}
