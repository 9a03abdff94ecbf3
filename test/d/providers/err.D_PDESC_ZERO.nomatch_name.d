/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A dtrace provider probe that does not exist is an error.
 *
 * @@no-host
 */

#pragma D option quiet

dtrace:::NOSUCH
{
	exit(0);
}
