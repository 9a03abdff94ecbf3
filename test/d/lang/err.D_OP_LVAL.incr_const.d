/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The operand of ++ must be an lvalue.
 */

#pragma D option quiet

BEGIN
{
	x = ++1;
}
