/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * progenyof(pid) is 1 when the current process is pid or one of its
 * descendants.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", progenyof($pid), progenyof(1), progenyof($ppid));
	printf("%d\n", progenyof(2147483646));
	exit(0);
}
