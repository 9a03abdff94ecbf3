/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyinstr() from address 0 faults. An ERROR clause turns the fault
 * into exit status 1.
 */

#pragma D option quiet

BEGIN
{
	x = copyinstr(0);
	exit(0);
}

ERROR
{
	exit(1);
}
