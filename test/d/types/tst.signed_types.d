/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * int8_t .. int64_t wrap at their sizes.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", (int8_t)128, (int16_t)32768, (int32_t)2147483648,
	    (int64_t)-1);
	exit(0);
}
