/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * avg() prints the integer average (total / count).
 */

#pragma D option quiet

BEGIN
{
	@a = avg(1);
	@a = avg(2);
	@a = avg(4);
	exit(0);
}
