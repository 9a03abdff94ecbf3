/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %@ is for printa() only.
 */

BEGIN
{
	printf("%@d\n", 1);
}
