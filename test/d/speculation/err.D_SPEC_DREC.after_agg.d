/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() may not follow an aggregating action.
 */

BEGIN
{
	@a = count();
	speculate(1);
}
