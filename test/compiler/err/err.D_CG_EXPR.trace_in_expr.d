/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Actions cannot be used as values.
 */

BEGIN
{
	x = printf("x");
}
