/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The . operator needs a struct or union operand.
 */

#pragma D option quiet

BEGIN
{
	x = 1;
	y = x.foo;
}
