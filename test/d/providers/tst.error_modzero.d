/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Remainder by zero at run time is also a divide-by-zero fault.
 */

#pragma D option quiet

BEGIN
{
	y = 0;
	z = 10 % y;
}

ERROR
{
	printf("%d\n", arg4);
	exit(0);
}
