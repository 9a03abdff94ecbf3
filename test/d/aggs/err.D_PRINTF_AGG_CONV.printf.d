/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %@ conversions are only valid in printa().
 */

#pragma D option quiet

BEGIN
{
	printf("%@d\n", 1);
}
