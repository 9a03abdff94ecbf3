/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Tracing a string at an invalid address faults. An ERROR clause turns
 * the fault into exit status 1.
 */

#pragma D option quiet

BEGIN
{
	trace(stringof((char *)8));
	exit(0);
}

ERROR
{
	exit(1);
}
