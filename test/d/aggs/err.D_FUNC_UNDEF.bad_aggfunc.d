/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown aggregating function is an error.
 */

#pragma D option quiet

BEGIN
{
	@a = nosuchaggfunc(1);
}
