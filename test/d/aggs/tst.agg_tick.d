/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregations accumulate across probe firings.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int i;

tick-10ms
/i++ < 5/
{
	@c = count();
	@s = sum(i);
}

tick-10ms
/i >= 5/
{
	exit(0);
}
