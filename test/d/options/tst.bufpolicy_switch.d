/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * bufpolicy=switch is the default policy.
 *
 * @@timeout: 60
 */

#pragma D option quiet

#pragma D option bufpolicy=switch

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
