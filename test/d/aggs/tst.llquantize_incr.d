/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The optional sixth argument of llquantize() is the increment, and an
 * increment can be any scalar expression.
 */

#pragma D option quiet

BEGIN
{
	x = 2;
	@l = llquantize(5, 10, 0, 1, 10, x * 2);
	@l = llquantize(50, 10, 0, 1, 10);
	exit(0);
}
