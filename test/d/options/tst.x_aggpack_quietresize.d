/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The same options are accepted on the command line with -x.
 *
 * @@runtest-opts: -x aggpack -x quietresize=1 -x agghist
 */

#pragma D option quiet

BEGIN
{
	printf("ok\n");
	exit(0);
}
