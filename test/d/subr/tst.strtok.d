/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strtok() splits a string into tokens; later calls pass NULL to
 * continue.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s]", strtok("a,b,,c", ","));
	printf("[%s]", strtok(NULL, ","));
	printf("[%s]\n", strtok(NULL, ","));
	printf("[%s]", strtok("  x y ", " "));
	printf("[%s]\n", strtok(NULL, " "));
	printf("[%s]\n", strtok("k1=v1;k2=v2", "=;"));
	exit(0);
}
