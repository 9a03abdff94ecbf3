/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Keys may be tuples of strings and integers; each key is printed in
 * order.
 */

#pragma D option quiet

BEGIN
{
	@a["x", 1] = count();
	@a["x", 2] = count();
	@a["x", 2] = count();
	@a["y", 1] = count();
	@a["y", 1] = count();
	@a["y", 1] = count();
	exit(0);
}
