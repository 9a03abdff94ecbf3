/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ustack() prints the user stack of the current thread (dtrace itself
 * in BEGIN).
 */

#pragma D option quiet

BEGIN
{
	ustack();
	exit(0);
}
