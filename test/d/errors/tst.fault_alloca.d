/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An alloca() that cannot be satisfied reports fault 5 (out of scratch
 * space).
 */

#pragma D option quiet

BEGIN
{
	x = alloca(1LL << 40);
}

ERROR
{
	printf("%d\n", arg4);
	exit(0);
}
