/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Division by zero at run time fires ERROR with fault 4 (divide by
 * zero).
 */

#pragma D option quiet

BEGIN
{
	y = 0;
	z = 10 / y;
}

ERROR
{
	printf("%d\n", arg4);
	exit(0);
}
