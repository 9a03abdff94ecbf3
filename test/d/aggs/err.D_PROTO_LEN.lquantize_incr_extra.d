/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lquantize() takes at most five arguments (the fifth is the increment).
 */

BEGIN
{
	@a = lquantize(1, 0, 10, 1, 1, 1);
}
