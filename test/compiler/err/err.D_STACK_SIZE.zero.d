/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack() depth must be positive.
 */

BEGIN
{
	stack(0);
}
