/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The bufsize option sets the principal buffer size.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option bufsize=1m

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
