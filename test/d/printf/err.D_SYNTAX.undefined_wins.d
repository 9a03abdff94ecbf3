/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The whole format is parsed before the arguments are checked: an
 * undefined conversion wins over a missing argument before it.
 */

BEGIN
{
	printf("%d %Z\n");
}
