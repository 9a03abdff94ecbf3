/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A leading 0 makes the constant octal: DTrace's lexer takes the whole
 * integer pattern (suffix included) and names the first digit that is
 * not octal.
 */

BEGIN
{
	x = 0778u;
	exit(0);
}
