/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strjoin() concatenates two strings.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", strjoin("foo", "bar"));
	printf("[%s][%s][%s]\n", strjoin("", "x"), strjoin("x", ""), strjoin("", ""));
	s = strjoin(strjoin("a", "b"), strjoin("c", "d"));
	printf("[%s] %d\n", s, strlen(s));
	exit(0);
}
