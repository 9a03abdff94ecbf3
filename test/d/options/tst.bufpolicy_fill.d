/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With bufpolicy=fill and a buffer large enough, all data is kept.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option bufpolicy=fill

int n;

tick-10ms
/n < 5/
{
	printf("%d\n", ++n);
}

tick-10ms
/n == 5/
{
	exit(0);
}
