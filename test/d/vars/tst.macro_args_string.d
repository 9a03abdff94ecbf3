/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * $$N turns any argument into a string.
 *
 * @@runtest-opts: 42 abc
 */

#pragma D option quiet

BEGIN
{
	printf("[%s][%s]\n", $$1, $$2);
	exit(0);
}
