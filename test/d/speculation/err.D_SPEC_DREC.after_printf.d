/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() may not follow a data-recording action.
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	printf("x\n");
	speculate(s);
}
