/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A stray token in an expression is a syntax error.
 */

#pragma D option quiet

BEGIN
{
	x = 1 + * ;
}
