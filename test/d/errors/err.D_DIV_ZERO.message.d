/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The message for a constant division by zero.
 */

#pragma D option quiet

BEGIN
{
	x = 5 / 0;
}
