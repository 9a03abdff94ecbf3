/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -x bufsize=N sets the buffer size.
 *
 * @@runtest-opts: -x bufsize=128k
 *
 * @@timeout: 60
 */

#pragma D option quiet

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
