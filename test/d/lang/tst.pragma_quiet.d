/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The quiet option set by #pragma D option suppresses the default
 * output.
 */

#pragma D option quiet

BEGIN
{
	trace("x");
	exit(0);
}
