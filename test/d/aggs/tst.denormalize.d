/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * denormalize() undoes normalize().
 */

#pragma D option quiet

BEGIN
{
	@a = sum(1000);
	exit(0);
}

END
{
	normalize(@a, 10);
	denormalize(@a);
}
