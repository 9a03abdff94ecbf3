/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, printf() output and traced values follow each other on
 * the probe line.
 */

BEGIN
{
	printf("a");
	trace(1);
	printf("b");
	exit(0);
}
