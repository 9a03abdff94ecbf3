/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The left operand of = must be an lvalue.
 */

#pragma D option quiet

BEGIN
{
	1 = 2;
}
