/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Globals can be updated across probe firings.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

tick-10ms
/++n == 3/
{
	printf("%d\n", n);
	exit(0);
}
