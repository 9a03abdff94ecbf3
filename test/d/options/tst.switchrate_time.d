/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * switchrate (here as a time interval) sets how often the consumer
 * switches the principal buffers: every 10 s, longer than the run, so
 * the 256-byte buffer (about 20 records) fills with one record every 50 ms
 * and the records after it are dropped and reported.  tst.switchrate.d is
 * the same with a fast switch rate.  ratecheck.awk (.r.p) reports what arrived.
 *
 * @@timeout: 60
 */

#pragma D option quiet
#pragma D option bufsize=256
#pragma D option switchrate=10s

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
