/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * 64-bit arithmetic on long and long long values does not truncate.
 */

#pragma D option quiet

BEGIN
{
	x = 4294967296LL;
	printf("%d\n", x * 3);
	printf("%d\n", x * 1000 / x);
	printf("%d\n", 0x7fffffffffffffffLL / 3);
	printf("%d\n", (1LL << 40) + 5);
	printf("%d\n", -9000000000 / 7);
	exit(0);
}
