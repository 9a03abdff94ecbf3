/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() may appear only once in a clause.
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	speculate(s);
	speculate(s);
}
