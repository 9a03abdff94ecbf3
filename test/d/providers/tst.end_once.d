/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * END fires exactly once, after exit().
 */

#pragma D option quiet

int n;

BEGIN
{
	exit(0);
}

END
{
	n++;
}

END
{
	printf("%d\n", n);
}
