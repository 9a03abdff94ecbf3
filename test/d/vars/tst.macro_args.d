/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * $1 and $$1 are macro arguments given on the command line, as integers
 * and strings.
 *
 * @@runtest-opts: 5 hello
 */

#pragma D option quiet

BEGIN
{
	printf("%d %s %d\n", $1, $$2, $1 + 1);
	exit(0);
}
