/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With defaultargs, missing macro arguments are 0 and "".
 */

#pragma D option quiet

#pragma D option defaultargs

BEGIN
{
	printf("%d [%s]\n", $1, $$2);
	exit(0);
}
