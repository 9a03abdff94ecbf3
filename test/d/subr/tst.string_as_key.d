/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Strings returned by subroutines can be stored and used as keys.
 */

#pragma D option quiet

BEGIN
{
	a[strjoin("k", "1")] = 5;
	a[substr("xk1", 1)] += 1;
	printf("%d\n", a["k1"]);
	exit(0);
}
