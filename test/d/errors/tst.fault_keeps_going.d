/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * After a fault tracing continues: later firings of the same clause
 * run.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;
int errs;

tick-10ms
/n++ < 3/
{
	x = *(int *)n;
}

tick-10ms
/n >= 3/
{
	printf("%d errors\n", errs);
	exit(0);
}

ERROR
{
	errs++;
}
