/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Reading a variable that is never declared or assigned fails to
 * resolve.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", nosuchvariable);
	exit(0);
}
