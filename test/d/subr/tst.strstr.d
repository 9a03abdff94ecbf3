/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strstr() returns the rest of the string from the first occurrence of
 * a substring.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", strstr("hello world", "o w"));
	printf("[%s]\n", strstr("abcabc", "ca"));
	printf("[%s]\n", strstr("abc", "abc"));
	exit(0);
}
