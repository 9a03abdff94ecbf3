/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * substr(s, i) and substr(s, i, n) extract substrings; a negative index
 * counts from the end.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", substr("hello world", 6));
	printf("[%s]\n", substr("hello", 1, 3));
	printf("[%s]\n", substr("hello", 0));
	printf("[%s]\n", substr("hello", -3));
	printf("[%s]\n", substr("hello", -3, 2));
	printf("[%s]\n", substr("hello", 4, 10));
	printf("[%s]\n", substr("hello", 5));
	printf("[%s]\n", substr("hello", 10));
	printf("[%s]\n", substr("hello", 2, 0));
	exit(0);
}
