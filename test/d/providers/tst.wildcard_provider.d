/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Wildcards work in the provider field.
 */

#pragma D option quiet

dtr*:::BEGIN
{
	printf("%s\n", probeprov);
	exit(0);
}
