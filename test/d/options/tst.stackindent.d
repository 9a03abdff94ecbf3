/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The stackindent option sets the indentation of stack frames.
 */

#pragma D option quiet

#pragma D option stackindent=4

BEGIN
{
	stack();
	exit(0);
}
