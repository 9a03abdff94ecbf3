/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * cleanpath() removes ., .. and repeated slashes from a path.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]\n", cleanpath("/usr/./lib/../bin//x"));
	printf("[%s]\n", cleanpath("/a/b/../../c"));
	printf("[%s]\n", cleanpath("/already/clean"));
	exit(0);
}
