/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() may not follow speculate().
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	speculate(s);
	exit(0);
}
