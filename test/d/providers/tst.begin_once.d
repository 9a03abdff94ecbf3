/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * BEGIN fires exactly once.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

BEGIN
{
	n++;
}

tick-10ms
{
	exit(0);
}

END
{
	printf("%d\n", n);
}
