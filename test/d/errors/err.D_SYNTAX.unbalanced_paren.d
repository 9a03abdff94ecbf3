/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Unbalanced parentheses are a syntax error.
 */

#pragma D option quiet

BEGIN
{
	x = (1 + 2;
}
