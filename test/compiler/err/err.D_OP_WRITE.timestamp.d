/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Built-in variables are read-only.
 */

BEGIN
{
	timestamp = 1;
}
