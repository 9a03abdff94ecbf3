/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Calling an unknown function is an error.
 */

BEGIN
{
	nosuchfunc(1);
}
