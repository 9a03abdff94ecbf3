/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * quietresize is one of DTrace's options: "#pragma D option quietresize" is accepted by
 * the compiler and by the consumer that applies the program's options
 * (one option table for both).
 */

#pragma D option quiet
#pragma D option quietresize

BEGIN
{
	printf("ok\n");
	exit(0);
}
