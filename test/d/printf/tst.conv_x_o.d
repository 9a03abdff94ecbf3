/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %x, %X and %o print hexadecimal and octal; # adds the 0x, 0X or 0
 * prefix.
 */

#pragma D option quiet

BEGIN
{
	printf("[%x][%X][%o]\n", 48879, 48879, 8);
	printf("[%#x][%#X][%#o]\n", 255, 255, 15);
	printf("[%x][%x]\n", -1, (long)-1);
	printf("[%08x][%-6x][%#06x]\n", 0xbeef, 0xab, 0x1f);
	printf("[%#x]\n", 0);
	exit(0);
}
