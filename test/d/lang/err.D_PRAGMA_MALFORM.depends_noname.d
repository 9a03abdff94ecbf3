/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * depends_on needs a class and a name.
 */

#pragma D depends_on module

BEGIN
{
	exit(0);
}
