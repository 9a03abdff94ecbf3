/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A copyin() fault reports fault 1 (invalid address) and the address.
 */

#pragma D option quiet

BEGIN
{
	x = copyin(16, 8);
}

ERROR
{
	printf("%d %d\n", arg4, arg5);
	exit(0);
}
