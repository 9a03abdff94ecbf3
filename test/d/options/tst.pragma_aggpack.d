/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggpack is one of DTrace's options: "#pragma D option aggpack" is accepted by
 * the compiler and by the consumer that applies the program's options
 * (one option table for both).
 */

#pragma D option quiet
#pragma D option aggpack

BEGIN
{
	printf("ok\n");
	exit(0);
}
