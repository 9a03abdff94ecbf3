/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * #pragma D option needs an option name.
 */

#pragma D option quiet

#pragma D option

BEGIN
{
	exit(0);
}
