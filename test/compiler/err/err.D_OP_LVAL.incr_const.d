/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ++ needs an lvalue.
 */

BEGIN
{
	x = ++1;
}
