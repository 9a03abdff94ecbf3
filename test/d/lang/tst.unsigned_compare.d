/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Comparisons apply the usual arithmetic conversions: an int compared
 * with an unsigned int is converted to unsigned; an unsigned int
 * compared with a long is converted to long.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", -1 < 1U);
	printf("%d\n", (long)-1 < 1U);
	printf("%d\n", -1 < 1UL);
	printf("%d\n", (unsigned char)255 > (char)-1);
	exit(0);
}
