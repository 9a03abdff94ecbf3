/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The integer suffix is [uU]?[lL]?[lL]? in that order (DTrace's lexer):
 * in "1lu" the constant ends at "1l" and "u" is an identifier, which
 * the parser refuses.
 */

BEGIN
{
	x = 1lu;
	exit(0);
}
