/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative array keys keep their types.
 */

BEGIN
{
	a[1] = 1;
	a["s"] = 2;
}
