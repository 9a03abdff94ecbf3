/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An empty format string.
 */

BEGIN
{
	printf("");
}
