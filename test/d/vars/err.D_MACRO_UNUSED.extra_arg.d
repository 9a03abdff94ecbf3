/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A command-line argument the script does not use is an error.
 *
 * @@runtest-opts: unused
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}
