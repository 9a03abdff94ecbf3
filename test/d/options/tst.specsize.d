/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * specsize sets the size of speculation buffers.
 */

#pragma D option quiet

#pragma D option specsize=4k

BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("committed\n");
}

BEGIN
{
	commit(s);
}

BEGIN
{
	exit(0);
}
