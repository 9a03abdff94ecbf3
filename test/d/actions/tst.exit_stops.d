/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * After exit() no more probes fire (END aside).
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

tick-10ms
{
	n++;
	exit(0);
}

END
{
	printf("%d\n", n);
}
