/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With -C, the preprocessor joins a line ending in a backslash with the
 * next before the D lexer sees it, so a string literal continued that way
 * keeps every character of both lines.
 *
 * @@runtest-opts: -C
 * @@timeout: 90
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", "hello \
there");
	exit(0);
}
