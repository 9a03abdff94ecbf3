/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation must be assigned the result of an aggregating
 * function.
 */

#pragma D option quiet

BEGIN
{
	@a = 1;
}
