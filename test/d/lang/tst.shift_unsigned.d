/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Left shift of an unsigned value discards high bits of its type.
 */

#pragma D option quiet

BEGIN
{
	printf("%u\n", (unsigned int)0x80000001 << 1);
	printf("%x\n", (uint64_t)1 << 63);
	printf("%x\n", (uint8_t)((uint8_t)0x81 << 1));
	exit(0);
}
