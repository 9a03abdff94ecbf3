/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Casts truncate, and sign- or zero-extend, integer values as in C.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", (char)257, (unsigned char)-1, (short)65537);
	printf("%d %d\n", (int)0x100000001, (char)-129);
	printf("%d %d\n", (uint8_t)300, (int8_t)200);
	printf("%u\n", (unsigned)-1);
	printf("%d\n", (long)(int)-1);
	printf("%d\n", (long)(unsigned int)-1);
	printf("%d\n", (unsigned short)-2);
	printf("%d\n", (long)(short)0x18000);
	exit(0);
}
