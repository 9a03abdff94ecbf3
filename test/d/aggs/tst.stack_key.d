/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A stack() key is printed at exit as DTrace prints it: the frames, each
 * on its own line after stackindent spaces, then the value on a line of
 * its own.  The same stack taken twice in one firing is one key (frames
 * past the stack's depth do not make keys differ).
 */

#pragma D option quiet

BEGIN
{
	@[stack()] = count();
	@[stack()] = count();
	exit(0);
}
