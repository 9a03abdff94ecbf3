/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A precision on an integer conversion gives the minimum number of
 * digits.
 */

#pragma D option quiet

BEGIN
{
	printf("[%.3d][%8.3d][%-8.3d]\n", 7, 7, 7);
	printf("[%.0d][%.5x]\n", 0, 0xab);
	exit(0);
}
