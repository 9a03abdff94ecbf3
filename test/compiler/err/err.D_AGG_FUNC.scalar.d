/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation must be given an aggregating function.
 */

BEGIN
{
	@a = 1;
}
