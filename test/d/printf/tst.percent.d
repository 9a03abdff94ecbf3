/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %% prints a percent sign and takes no argument.
 */

#pragma D option quiet

BEGIN
{
	printf("100%%\n");
	printf("%d%% of %d\n", 50, 10);
	exit(0);
}
