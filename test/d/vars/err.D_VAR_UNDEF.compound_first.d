/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A compound assignment reads its left operand first: applied to a
 * variable not yet declared or assigned it is an error (DTrace's
 * dt_cook_op2() cooks the left side as a reference), unlike ++ and --.
 */

BEGIN
{
	total += 10;
}
