/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %u prints the value as unsigned in the size of its argument.
 */

#pragma D option quiet

BEGIN
{
	printf("[%u][%u][%u]\n", 42, -1, (long)-1);
	printf("[%u][%u]\n", (unsigned char)200, (unsigned short)65535);
	exit(0);
}
