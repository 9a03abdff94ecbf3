/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation alone has no effect.
 */

BEGIN
{
	@a = count();
	@a;
}
