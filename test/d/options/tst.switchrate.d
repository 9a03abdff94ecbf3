/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * switchrate (here with a rate suffix) sets how often the consumer
 * switches the principal buffers: at 10hz, a 256-byte buffer (about 20
 * records) never fills from one record every 50 ms, so all 60 arrive and
 * nothing is dropped.  tst.switchrate_time.d is the same with a slow
 * switch rate, which drops.  ratecheck.awk (.r.p) reports what arrived.
 *
 * @@timeout: 60
 */

#pragma D option quiet
#pragma D option bufsize=256
#pragma D option switchrate=10hz

int n;

tick-50ms
/n < 60/
{
	trace(++n);
	printf("\n");
}

tick-50ms
/n == 60/
{
	exit(0);
}
