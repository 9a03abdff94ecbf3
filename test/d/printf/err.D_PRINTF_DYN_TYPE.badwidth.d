/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A * width argument must be an integer.
 */

#pragma D option quiet

BEGIN
{
	printf("%*d\n", "x", 1);
}
