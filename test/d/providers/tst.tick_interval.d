/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Successive firings of tick-100ms are at least about 100ms apart.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;
uint64_t first;

tick-100ms
/n == 0/
{
	first = timestamp;
}

tick-100ms
/++n == 5/
{
	printf("%d\n", timestamp - first >= 350000000);
	exit(0);
}
