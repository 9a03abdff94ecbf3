/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Built-in string variables can be printed with %s.
 */

#pragma D option quiet

BEGIN
{
	printf("%s:%s:%s:%s\n", probeprov, probemod, probefunc, probename);
	printf("%s\n", execname);
	exit(0);
}
