/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The trunc() count must be a scalar.
 */

#pragma D option quiet

BEGIN
{
	@a = count();
	trunc(@a, "x");
}
