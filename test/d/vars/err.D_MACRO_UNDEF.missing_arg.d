/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Using a macro argument that was not given is an error.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", $3);
}
