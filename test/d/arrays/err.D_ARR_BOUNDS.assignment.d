/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The bounds check applies to stores too, and to an index that is a
 * constant expression.
 */

int a[5];

BEGIN
{
	a[2 + 3] = 1;
	exit(0);
}
