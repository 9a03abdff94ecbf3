/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown -x option makes dtrace fail.
 *
 * @@runtest-opts: -x nosuchoption=1
 *
 * @@compile-error
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}
