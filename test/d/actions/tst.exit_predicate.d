/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() in a clause whose predicate is false does nothing.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

tick-10ms
/n++ == 5/
{
	exit(0);
}

END
{
	printf("%d\n", n);
}
