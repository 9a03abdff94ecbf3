/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * commit() may not follow a data-recording action.
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	printf("x\n");
	commit(s);
}
