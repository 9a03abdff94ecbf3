/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * #pragma D option with more than one argument is malformed.
 */

#pragma D option quiet flowindent

BEGIN
{
	exit(0);
}
