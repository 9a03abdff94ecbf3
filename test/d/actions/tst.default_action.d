/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause with an empty body prints the CPU, ID and FUNCTION:NAME of
 * the probe.
 */

BEGIN
{
}

BEGIN
{
	exit(0);
}
