/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * depends_on takes a class of provider, module or library.
 */

#pragma D depends_on gadget foo

BEGIN
{
	exit(0);
}
