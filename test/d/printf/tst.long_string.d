/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Strings up to strsize are printed whole.
 */

#pragma D option quiet

BEGIN
{
	printf("%s\n", "0123456789012345678901234567890123456789012345678901234567890123456789");
	exit(0);
}
