/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Data-recording actions may not follow commit().
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	commit(s);
	printf("x\n");
}
