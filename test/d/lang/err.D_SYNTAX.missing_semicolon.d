/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Two statements without a separating semicolon are a syntax error.
 */

#pragma D option quiet

BEGIN
{
	x = 1
	y = 2;
}
