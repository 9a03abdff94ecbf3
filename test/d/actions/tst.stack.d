/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack() prints the kernel stack, one indented frame per line, after a
 * blank line.
 */

#pragma D option quiet

BEGIN
{
	stack();
	exit(0);
}
