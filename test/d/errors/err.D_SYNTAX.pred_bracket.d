/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A predicate that ends with a [ still open.
 */

BEGIN
{
	a[0] = 1;
}

BEGIN
/a[0/
{
	trace(epid);
}
