/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Unary minus of a float: not an arithmetic operand.
 */

float f;

BEGIN
{
	x = -f;
	exit(0);
}
