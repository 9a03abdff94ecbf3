/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strlen() returns the length of a string.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", strlen("hello"), strlen(""), strlen("a b c"));
	s = "dtrace";
	printf("%d\n", strlen(s));
	exit(0);
}
