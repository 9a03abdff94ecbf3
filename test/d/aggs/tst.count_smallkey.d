/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Keys of 1- and 2-byte integer types are printed in 3 and 5 columns.
 */

#pragma D option quiet

BEGIN
{
	@a[(char)5, (short)300] = count();
	exit(0);
}
