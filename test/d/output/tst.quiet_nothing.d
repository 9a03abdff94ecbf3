/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A quiet script that prints nothing still ends its output with a
 * newline.
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}
