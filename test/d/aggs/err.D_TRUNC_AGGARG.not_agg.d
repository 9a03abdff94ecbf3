/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trunc() needs an aggregation.
 */

#pragma D option quiet

BEGIN
{
	trunc(1);
}
