/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Using a string at an invalid address reports fault 1.
 */

#pragma D option quiet

BEGIN
{
	x = strlen(stringof((char *)32));
}

ERROR
{
	printf("%d %d\n", arg4, arg5);
	exit(0);
}
