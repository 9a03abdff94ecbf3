/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strsize limits the size of strings: longer strings are truncated.
 */

#pragma D option quiet

#pragma D option strsize=8

BEGIN
{
	s = "0123456789";
	printf("%d %d %d\n", strlen(s) < 10, strlen(s) >= 7,
	    substr(s, 0, 5) == "01234");
	exit(0);
}
