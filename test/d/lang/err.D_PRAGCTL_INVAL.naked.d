/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown directive after a naked # is an error.
 */

#frobnicate

BEGIN
{
	exit(0);
}
