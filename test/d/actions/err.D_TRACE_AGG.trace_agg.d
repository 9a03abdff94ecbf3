/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation cannot be traced.
 */

#pragma D option quiet

BEGIN
{
	@a = count();
	trace(@a);
}
