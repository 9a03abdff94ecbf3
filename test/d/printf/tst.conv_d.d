/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %d and %i print signed integers of every size.
 */

#pragma D option quiet

BEGIN
{
	printf("[%d][%d][%i][%i]\n", 42, -42, 7, -7);
	printf("[%d][%d][%d]\n", (char)-3, (short)-300, (long)-5000000000);
	printf("[%d][%d]\n", 0, 2147483647);
	printf("[%d]\n", -9223372036854775807 - 1);
	exit(0);
}
