/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The first argument of printf() must be a string constant.
 */

#pragma D option quiet

BEGIN
{
	printf(1);
}
