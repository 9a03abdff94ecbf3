/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A * width needs an argument.
 */

#pragma D option quiet

BEGIN
{
	printf("%*d\n");
}
