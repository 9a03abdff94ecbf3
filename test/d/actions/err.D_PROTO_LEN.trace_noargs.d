/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trace() needs one argument.
 */

#pragma D option quiet

BEGIN
{
	trace();
}
