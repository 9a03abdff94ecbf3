/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An integer does not convert to double in D: the assignment's operand
 * types are incompatible.
 */

double d;

BEGIN
{
	d = 1;
	exit(0);
}
