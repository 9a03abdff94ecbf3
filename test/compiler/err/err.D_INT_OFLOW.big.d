/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer constants must fit in 64 bits.
 */

BEGIN
{
	x = 18446744073709551616;
}
