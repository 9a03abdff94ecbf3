/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With defaultargs, given arguments are still used.
 *
 * @@runtest-opts: 7
 */

#pragma D option quiet

#pragma D option defaultargs

BEGIN
{
	printf("%d [%s]\n", $1, $$2);
	exit(0);
}
