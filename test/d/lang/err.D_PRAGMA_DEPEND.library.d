/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The main program may not depend on a library.
 */

#pragma D depends_on library net.d

BEGIN
{
	exit(0);
}
