/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lquantize() base must be below limit.
 */

BEGIN
{
	@a = lquantize(1, 100, 10, 10);
}
