/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Arguments without a conversion are an error.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", 1, 2);
}
