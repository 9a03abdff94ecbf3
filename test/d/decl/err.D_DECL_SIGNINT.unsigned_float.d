/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * unsigned may only qualify an integer type (DTrace's dt_decl_check()).
 */

unsigned float f;

BEGIN
{
	exit(0);
}
