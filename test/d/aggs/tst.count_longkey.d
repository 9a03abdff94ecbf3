/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer keys of a 64-bit type are printed right-justified in 16
 * columns.
 */

#pragma D option quiet

BEGIN
{
	@a[(long)7] = count();
	@a[(uint64_t)12345678901] = count();
	@a[(uint64_t)12345678901] = count();
	exit(0);
}
