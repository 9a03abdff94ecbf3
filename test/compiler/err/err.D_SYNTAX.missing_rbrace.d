/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause body must be closed.
 */

BEGIN
{
	trace(1);
