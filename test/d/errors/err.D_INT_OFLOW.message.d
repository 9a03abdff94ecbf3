/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An integer constant above 2^64 - 1: DTrace's lexer reports the constant
 * and the overflow.
 */

BEGIN
{
	x = 0x1ffffffffffffffff;
	exit(0);
}
