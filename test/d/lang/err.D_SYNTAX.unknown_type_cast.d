/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A cast to a name that is not a type is a syntax error.
 */

#pragma D option quiet

BEGIN
{
	x = (nosuch_type_t)1;
}
