/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Loading from an unmapped kernel-half address reports fault 1 and the
 * address.
 */

#pragma D option quiet

BEGIN
{
	x = *(long *)0xffff800000001000;
}

ERROR
{
	printf("%d %x\n", arg4, arg5);
	exit(0);
}
