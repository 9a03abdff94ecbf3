/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf("%k") prints a stack() value the same way.
 */

#pragma D option quiet

BEGIN
{
	printf("%k", stack());
	exit(0);
}
