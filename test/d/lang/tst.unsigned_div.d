/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Division and remainder of unsigned operands are unsigned.
 */

#pragma D option quiet

BEGIN
{
	printf("%u %u\n", 0xffffffffffffffffULL / 2, 0xffffffffffffffffULL % 10);
	printf("%u %u\n", (unsigned)-1 / 16, (unsigned)-1 % 16);
	exit(0);
}
