/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * quantize() takes a value and at most an increment.
 */

BEGIN
{
	@a = quantize(1, 2, 3);
}
