/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A dependency on a kernel module that is not loaded fails.
 */

#pragma D depends_on module no_such_module_here

BEGIN
{
	exit(0);
}
