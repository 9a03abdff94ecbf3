/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The fault codes are constants: they cannot be assigned.
 */

BEGIN
{
	DTRACEFLT_BADADDR = 2;
}
