/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * this-> variables cannot be associative arrays.
 */

BEGIN
{
	this->a["x"] = 1;
}
