/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strchr() and strrchr() return the rest of the string from the first
 * and last occurrence of a character.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s] [%s]\n", strchr("hello", 'l'), strrchr("hello", 'l'));
	printf("[%s] [%s]\n", strchr("a/b/c", '/'), strrchr("a/b/c", '/'));
	printf("[%s]\n", strchr("xyz", 'x'));
	exit(0);
}
