/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dirname() returns all but the last component of a path, like
 * dirname(1).
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", dirname("/usr/lib/libc.so"));
	printf("[%s]\n", dirname("/usr/lib/"));
	printf("[%s]\n", dirname("/usr"));
	printf("[%s]\n", dirname("/"));
	printf("[%s]\n", dirname("foo"));
	printf("[%s]\n", dirname("a/b"));
	exit(0);
}
