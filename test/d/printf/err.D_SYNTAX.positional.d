/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Positional conversions (%n$) are not supported.
 */

#pragma D option quiet

BEGIN
{
	printf("%2$d\n", 1, 2);
}
