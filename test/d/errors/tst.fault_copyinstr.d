/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A copyinstr() fault reports fault 1 (invalid address) and the
 * address.
 */

#pragma D option quiet

BEGIN
{
	s = copyinstr(24);
}

ERROR
{
	printf("%d %d\n", arg4, arg5);
	exit(0);
}
