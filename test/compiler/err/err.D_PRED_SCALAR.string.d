/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A predicate must be scalar.
 */

BEGIN
/execname/
{
}
