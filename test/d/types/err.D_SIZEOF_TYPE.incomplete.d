/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sizeof cannot be applied to an incomplete type.
 */

#pragma D option quiet

struct undefined_struct;

BEGIN
{
	x = sizeof (struct undefined_struct);
}
