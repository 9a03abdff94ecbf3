/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * rawbytes prints traced strings as hex dumps.
 */

#pragma D option quiet

#pragma D option rawbytes
#pragma D option strsize=16

BEGIN
{
	trace("ab");
	exit(0);
}
