/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With bufpolicy=ring, the buffer is printed when tracing stops; with
 * room enough nothing is lost.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option bufpolicy=ring
#pragma D option bufsize=64k

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
