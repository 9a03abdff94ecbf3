/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * #pragma D option needs an option.
 */

#pragma D option

BEGIN
{
	exit(0);
}
