/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Reading a global before any assignment is an error.
 */

BEGIN
{
	trace(nosuchvar);
}
