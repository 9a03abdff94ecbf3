/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With flowindent, the heading is CPU FUNCTION and probes other than
 * entry/return are prefixed with "| ".
 */

#pragma D option flowindent

BEGIN
{
	printf("x");
	exit(0);
}
