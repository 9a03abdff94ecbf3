/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stddev() of a single value is 0.
 */

#pragma D option quiet

BEGIN
{
	@d = stddev(42);
	exit(0);
}
