/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A reserved word cannot be used as a variable name.
 */

#pragma D option quiet

BEGIN
{
	this->x = 1;
	sizeof = 1;
}
