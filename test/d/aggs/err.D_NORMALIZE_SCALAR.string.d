/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The normalize() value must be a scalar.
 */

#pragma D option quiet

BEGIN
{
	@a = count();
	normalize(@a, "x");
}
