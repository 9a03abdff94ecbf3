/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A malformed -x strsize value makes dtrace fail.
 *
 * @@runtest-opts: -x strsize=big
 *
 * @@compile-error
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}
