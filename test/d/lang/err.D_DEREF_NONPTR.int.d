/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The * operator needs a pointer operand.
 */

#pragma D option quiet

BEGIN
{
	x = 1;
	y = *x;
}
