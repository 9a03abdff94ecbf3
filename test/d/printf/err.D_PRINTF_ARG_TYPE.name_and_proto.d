/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The conversion is named by its length modifier and letter, without
 * flags or width, with the prototype of that conversion.
 */

BEGIN
{
	printf("%-10ld\n", "s");
}
