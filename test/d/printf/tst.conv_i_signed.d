/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %i prints its argument as signed whatever its type: DTrace's
 * conversion table prints %i with the signed printer (only %d is turned
 * into %u for unsigned types).
 */

#pragma D option quiet

BEGIN
{
	printf("[%i][%i]\n", (unsigned int)-1, (uint64_t)-1);
	exit(0);
}
