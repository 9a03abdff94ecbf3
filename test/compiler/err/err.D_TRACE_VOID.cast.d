/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trace() of void is an error.
 */

BEGIN
{
	trace((void)0);
}
