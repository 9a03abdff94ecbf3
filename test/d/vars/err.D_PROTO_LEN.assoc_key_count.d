/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An associative array must always be indexed with the same number of
 * keys.
 */

#pragma D option quiet

BEGIN
{
	a[1] = 1;
	a[1, 2] = 2;
}
