/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %s needs a string argument.
 */

#pragma D option quiet

BEGIN
{
	printf("%s\n", 1);
}
