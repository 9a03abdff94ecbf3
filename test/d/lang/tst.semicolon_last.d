/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The last statement of a clause does not need a semicolon.
 */

#pragma D option quiet

BEGIN
{
	printf("ok\n");
	exit(0)
}
