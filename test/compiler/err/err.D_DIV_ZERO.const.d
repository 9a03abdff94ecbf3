/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Constant division by zero.
 */

BEGIN
{
	x = 10 / (5 - 5);
}
