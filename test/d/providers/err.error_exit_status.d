/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A script may turn a run-time fault into exit status 1 from ERROR.
 */

#pragma D option quiet

BEGIN
{
	x = *(int *)0;
}

ERROR
{
	exit(1);
}
