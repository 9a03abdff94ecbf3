/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * avg() of negative values truncates toward zero.
 */

#pragma D option quiet

BEGIN
{
	@a = avg(-5);
	@a = avg(-6);
	exit(0);
}
