/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Positional conversions are not supported.
 */

BEGIN
{
	printf("%3$d", 123);
}
