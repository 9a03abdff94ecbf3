/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Speculating to ID 0 (no speculation) drops the clause data.
 */

#pragma D option quiet

BEGIN
{
	speculate(0);
	printf("dropped\n");
}

BEGIN
{
	printf("kept\n");
	exit(0);
}
