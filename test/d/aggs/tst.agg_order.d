/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregations are printed at exit in the order they first appear in
 * the program.
 */

#pragma D option quiet

BEGIN
{
	@z = count();
	@a = sum(3);
	@m = max(9);
	exit(0);
}
