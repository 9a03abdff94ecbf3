/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The & operator needs an lvalue.
 */

#pragma D option quiet

BEGIN
{
	x = &1;
}
