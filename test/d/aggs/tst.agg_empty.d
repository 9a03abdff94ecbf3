/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation that never received data prints nothing at exit.
 */

#pragma D option quiet

BEGIN
/0/
{
	@a = count();
}

BEGIN
{
	printf("x\n");
	exit(0);
}
