/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %s needs a string.
 */

BEGIN
{
	printf("%s\n", 1);
}
