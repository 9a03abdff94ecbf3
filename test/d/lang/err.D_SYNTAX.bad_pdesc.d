/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause body without a probe description is a syntax error.
 */

#pragma D option quiet

{
	exit(0);
}
