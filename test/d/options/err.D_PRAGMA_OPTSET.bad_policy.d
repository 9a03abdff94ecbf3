/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown buffer policy is an error.
 */

#pragma D option quiet

#pragma D option bufpolicy=sometimes

BEGIN
{
	exit(0);
}
