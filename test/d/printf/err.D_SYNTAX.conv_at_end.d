/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A format ending in the middle of a conversion.
 */

BEGIN
{
	printf("%d %", 1);
}
