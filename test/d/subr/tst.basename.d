/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * basename() returns the last component of a path, like basename(1).
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", basename("/usr/lib/libc.so"));
	printf("[%s]\n", basename("/usr/lib/"));
	printf("[%s]\n", basename("/"));
	printf("[%s]\n", basename("foo"));
	printf("[%s]\n", basename("a/b"));
	exit(0);
}
