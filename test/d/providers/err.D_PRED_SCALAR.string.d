/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A predicate must be of scalar type.
 */

#pragma D option quiet

BEGIN
/"abc"/
{
	exit(0);
}
