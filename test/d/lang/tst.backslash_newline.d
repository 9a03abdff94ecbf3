/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Between tokens, a backslash-newline is white space (DTrace's lexer
 * discards it); line numbers still count the line.
 */

#pragma D option quiet

BEGIN
{
	x = 1 + \
	    2;
	printf("%d\n", x);
	exit(0);
}
