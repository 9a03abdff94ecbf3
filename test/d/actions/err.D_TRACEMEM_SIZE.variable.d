/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The tracemem() size must be a constant.
 */

#pragma D option quiet

BEGIN
{
	n = 4;
	this->p = alloca(8);
	tracemem(this->p, n);
}
