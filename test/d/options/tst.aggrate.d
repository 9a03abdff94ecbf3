/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The aggrate option sets the aggregation snapshot rate.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option aggrate=20ms

int n;

tick-10ms
/n++ < 10/
{
	@c = count();
}

tick-10ms
/n > 10/
{
	exit(0);
}
