/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown conversion is an error.
 */

#pragma D option quiet

BEGIN
{
	printf("%z\n", 1);
}
