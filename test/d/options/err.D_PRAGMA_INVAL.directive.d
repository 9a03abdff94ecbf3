/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown #pragma D directive is an error.
 */

#pragma D option quiet

#pragma D nosuchdirective

BEGIN
{
	exit(0);
}
