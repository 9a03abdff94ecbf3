/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown conversion is an error (reported like the other format
 * errors, as D_SYNTAX).
 */

#pragma D option quiet

BEGIN
{
	printf("%z\n", 1);
}
