/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With -w, system() is allowed without the pragma.
 *
 * @@runtest-opts: -w
 */

#pragma D option quiet

BEGIN
{
	system("echo w");
	exit(0);
}
