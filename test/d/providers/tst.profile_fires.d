/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * profile-N fires (on every CPU) and reports its name.
 *
 * @@timeout: 60
 */

#pragma D option quiet

int n;

profile-100
{
	n++;
}

tick-200ms
/n > 0/
{
	printf("%s\n", "profile fired");
	exit(0);
}
