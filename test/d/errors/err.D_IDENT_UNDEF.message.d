/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The message for an undefined variable names it and its line, with the
 * tag under -xerrtags.
 */

#pragma D option quiet

BEGIN
{
	x = 1;
	printf("%d\n", nosuchvar);
}
