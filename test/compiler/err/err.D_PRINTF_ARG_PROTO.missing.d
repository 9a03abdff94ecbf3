/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Each conversion needs an argument.
 */

BEGIN
{
	printf("%d %d\n", 1);
}
