/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregating actions may not follow speculate().
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	speculate(s);
	@a = count();
}
