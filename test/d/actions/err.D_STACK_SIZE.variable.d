/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The stack() depth must be a positive integer constant.
 */

#pragma D option quiet

BEGIN
{
	n = 4;
	stack(n);
}
