/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Clause-local variables cannot be associative arrays.
 */

#pragma D option quiet

BEGIN
{
	this->a[1] = 1;
}
