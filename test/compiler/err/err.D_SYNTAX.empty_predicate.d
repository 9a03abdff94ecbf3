/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An empty predicate is a syntax error.
 */

BEGIN
//
{
}
