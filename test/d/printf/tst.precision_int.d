/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A precision on an integer conversion gives the minimum number of
 * digits.  DTrace passes a precision to the conversion only when it is
 * not zero, so %.0d of 0 prints "0" (unlike C's printf, which prints
 * nothing).
 */

#pragma D option quiet

BEGIN
{
	printf("[%.3d][%8.3d][%-8.3d]\n", 7, 7, 7);
	printf("[%.0d][%.5x]\n", 0, 0xab);
	exit(0);
}
