/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Many distinct keys are kept.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int i;

tick-1ms
/i < 50/
{
	@a[i % 10] = count();
	i++;
}

tick-1ms
/i >= 50/
{
	exit(0);
}

END
{
	printa("%d %@d\n", @a);
}
