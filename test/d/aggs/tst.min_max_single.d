/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * min() and max() of a single value are that value, even if negative.
 */

#pragma D option quiet

BEGIN
{
	@mn = min(-7);
	@mx = max(-7);
	exit(0);
}
