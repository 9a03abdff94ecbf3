/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The bitwise operators & | ^ ~ << >> work as in C; >> is arithmetic on
 * signed and logical on unsigned operands.
 */

#pragma D option quiet

BEGIN
{
	x = 0xf0;
	printf("%d %d %d\n", x & 0x3c, x | 0x0f, x ^ 0xff);
	printf("%d %d\n", ~0, ~x);
	printf("%d %d\n", 1 << 10, 1024 >> 3);
	printf("%d\n", -16 >> 2);
	printf("%u\n", 0xffffffffU >> 4);
	printf("%x\n", 0xffffffffffffffffULL >> 60);
	printf("%d\n", (-1LL) >> 60);
	exit(0);
}
