/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * timestamp advances between firings of a tick probe by about the
 * interval.
 *
 * @@timeout: 60
 */

#pragma D option quiet

uint64_t start;

tick-100ms
/!start/
{
	start = timestamp;
}

tick-100ms
/start && timestamp != start/
{
	d = timestamp - start;
	printf("%d\n", d >= 50000000);
	exit(0);
}
