/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A small bufsize is taken, as DTrace takes it (rounded down to a
 * multiple of 8: 50 becomes 48), not refused: records that fit are
 * traced.
 */

#pragma D option quiet
#pragma D option bufsize=50

BEGIN
{
	printf("%d\n", 42);
}

BEGIN
{
	exit(0);
}
