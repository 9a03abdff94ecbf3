/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With aggsortkey, integer keys sort numerically as unsigned values (as
 * DTrace compares key bytes), so negative keys come last.
 */

#pragma D option quiet

#pragma D option aggsortkey

BEGIN
{
	@a[100] = sum(1);
	@a[9] = sum(2);
	@a[10] = sum(3);
	@a[-5] = sum(4);
	exit(0);
}
