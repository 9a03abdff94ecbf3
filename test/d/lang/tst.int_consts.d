/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer constants may be decimal, octal (leading 0) or hexadecimal
 * (0x), with u/U and l/L/ll/LL suffixes.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", 31, 017, 0x1f, 0X1F);
	printf("%d %d %d\n", 10u, 10L, 10UL);
	printf("%d %d\n", 0, 00);
	printf("%u\n", 4294967295U);
	printf("%d\n", 4294967296);
	printf("%x\n", 0xffffffffffffffff);
	printf("%d\n", 9223372036854775807);
	exit(0);
}
