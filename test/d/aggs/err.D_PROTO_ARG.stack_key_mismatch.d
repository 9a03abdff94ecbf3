/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation keyed by stack() cannot be used with an integer key.
 */

BEGIN
{
	@a[stack()] = count();
	@a[1] = count();
}
