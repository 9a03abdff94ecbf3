/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * index() and rindex() return the position of the first and last
 * occurrence of a substring, or -1.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d\n", index("hello", "l"), rindex("hello", "l"));
	printf("%d %d\n", index("hello", "z"), rindex("hello", "z"));
	printf("%d %d\n", index("hello", "hello"), rindex("hello", "h"));
	printf("%d\n", index("hello hello", "llo", 3));
	printf("%d\n", index("hello hello", "llo", 9));
	printf("%d\n", index("abc", "abcd"));
	exit(0);
}
