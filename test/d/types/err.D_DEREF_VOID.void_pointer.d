/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A void pointer cannot be dereferenced.
 */

#pragma D option quiet

BEGIN
{
	this->p = alloca(4);
	x = *this->p;
}
