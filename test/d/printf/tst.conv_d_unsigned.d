/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %d prints an unsigned argument as unsigned (DTrace turns %d into %u
 * for unsigned types).
 */

#pragma D option quiet

BEGIN
{
	printf("[%d][%d]\n", (unsigned int)-1, (uint64_t)-1);
	exit(0);
}
