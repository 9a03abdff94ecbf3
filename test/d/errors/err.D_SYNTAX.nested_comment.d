/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A slash-star inside a comment is DTrace's lexer error.
 */

BEGIN
{
	/* one comment
	   /* inside another */
	exit(0);
}
