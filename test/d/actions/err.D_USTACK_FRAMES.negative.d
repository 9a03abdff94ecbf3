/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The ustack() depth must be a non-negative integer constant.
 */

#pragma D option quiet

BEGIN
{
	ustack(-1);
}
