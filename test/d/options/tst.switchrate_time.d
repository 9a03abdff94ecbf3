/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * switchrate (here as a time interval) sets how often the consumer
 * switches the principal buffers: every 100ms, a 256-byte buffer (about ten
 * records) never fills from one record every 50 ms, so records 1..60 all
 * arrive and nothing is dropped (at the default 1hz it would drop:
 * test/consumer/vm/switchrate.host.t shows how often records arrive).
 * tst.switchrate.d gives the rate with a rate suffix.
 *
 * The counter t is kept by a clause that records nothing, which a full
 * buffer does not stop; ratecheck.awk (.r.p) reports what arrived.
 *
 * @@timeout: 60
 */

#pragma D option quiet
#pragma D option bufsize=256
#pragma D option switchrate=100ms

int t;

tick-50ms
{
	t++;
}

tick-50ms
/t <= 60/
{
	printf("%d\n", t);
}

tick-50ms
/t >= 80/
{
	exit(0);
}
