/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The unnamed aggregation @ takes keys like any other.
 */

#pragma D option quiet

BEGIN
{
	@["a"] = count();
	exit(0);
}
