/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * this->x *= 2 reads this->x: an error before any assignment.
 */

BEGIN
{
	this->x *= 2;
}
