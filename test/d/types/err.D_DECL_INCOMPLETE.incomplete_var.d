/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable of an incomplete struct type cannot be declared.
 */

#pragma D option quiet

struct undefined_struct;
struct undefined_struct v;

BEGIN
{
	exit(0);
}
