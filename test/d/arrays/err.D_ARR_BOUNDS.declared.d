/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A constant index past the end of a declared array is refused at
 * compile time (DTrace's D_ARR_BOUNDS: the index, then the element
 * count).
 */

int a[5];

BEGIN
{
	trace(a[5]);
	exit(0);
}
