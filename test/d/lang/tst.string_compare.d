/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Relational operators compare strings lexically (strcmp order).
 */

#pragma D option quiet

BEGIN
{
	s = "abc";
	printf("%d %d %d\n", s == "abc", s != "abc", s == "abd");
	printf("%d %d %d\n", "abc" < "abd", "b" > "abc", "" < "a");
	printf("%d %d\n", "abc" <= "abc", "abc" >= "abcd");
	t = "abc";
	printf("%d\n", s == t);
	exit(0);
}
