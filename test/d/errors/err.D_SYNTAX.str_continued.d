/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without -C, a string literal may not be continued by backslash-newline:
 * DTrace's lexer has no rule for it (its string pattern takes a backslash
 * followed by anything but a newline), so its catch-all rule reports the
 * opening quote, on the line where the literal starts.
 */

BEGIN
{
	s = "hello \
there";
	exit(0);
}
