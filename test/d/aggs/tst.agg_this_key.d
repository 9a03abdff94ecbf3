/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Keys may be computed from variables and expressions.
 */

#pragma D option quiet

BEGIN
{
	this->k = "key";
	x = 40;
	@a[this->k, x + 2] = sum(x);
	exit(0);
}
