/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * uint8_t .. uint64_t wrap at their sizes.
 */

#pragma D option quiet

BEGIN
{
	printf("%u %u %u %u\n", (uint8_t)256, (uint16_t)65536, (uint32_t)4294967296,
	    (uint64_t)-1);
	exit(0);
}
