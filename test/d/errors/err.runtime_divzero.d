/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Dividing by a zero variable faults. An ERROR clause turns the fault
 * into exit status 1.
 */

#pragma D option quiet

BEGIN
{
	y = 0;
	x = 1 / y;
	exit(0);
}

ERROR
{
	exit(1);
}
