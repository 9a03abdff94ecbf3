/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The heading is printed once, before the first probe line.
 *
 * @@timeout: 60
 */

int n;

tick-10ms
/++n <= 3/
{
	trace(n);
}

tick-10ms
/n > 3/
{
	exit(0);
}
