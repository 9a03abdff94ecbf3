/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Built-in variables such as timestamp are read-only.
 */

#pragma D option quiet

BEGIN
{
	timestamp = 1;
}
