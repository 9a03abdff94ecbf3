/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %d and %i print an unsigned argument as unsigned: DTrace formats both
 * conversions the same way, by the argument's type.
 */

#pragma D option quiet

BEGIN
{
	printf("[%d][%d]\n", (unsigned int)-1, (uint64_t)-1);
	printf("[%i][%i]\n", (unsigned int)-1, (uint64_t)-1);
	exit(0);
}
