/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() with a format and no aggregation: DTrace's count of the
 * arguments passed and expected.
 */

BEGIN
{
	printa("%d");
}
