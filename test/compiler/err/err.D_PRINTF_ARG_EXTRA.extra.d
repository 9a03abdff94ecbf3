/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Extra printf arguments are an error.
 */

BEGIN
{
	printf("%d\n", 1, 2);
}
