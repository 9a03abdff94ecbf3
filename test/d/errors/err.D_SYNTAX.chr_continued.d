/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without -C, a character constant may not be continued by
 * backslash-newline either: DTrace's catch-all rule reports the opening
 * quote.
 */

BEGIN
{
	c = 'a\
';
	exit(0);
}
