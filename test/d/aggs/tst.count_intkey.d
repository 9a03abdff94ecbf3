/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer keys of type int are printed right-justified in 8 columns.
 */

#pragma D option quiet

BEGIN
{
	@a[1] = count();
	@a[2] = count();
	@a[2] = count();
	@a[-3] = count();
	@a[-3] = count();
	@a[-3] = count();
	exit(0);
}
