/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause without its closing brace is a syntax error.
 */

#pragma D option quiet

BEGIN
{
	exit(0);
