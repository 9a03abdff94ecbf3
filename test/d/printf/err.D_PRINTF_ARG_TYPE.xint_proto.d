/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The prototype of %d is DTrace's list of integer types.
 */

BEGIN
{
	printf("%d\n", "s");
}
