/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A tick probe keeps firing until exit().
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

tick-10ms
/++n == 10/
{
	printf("%d\n", n);
	exit(0);
}
