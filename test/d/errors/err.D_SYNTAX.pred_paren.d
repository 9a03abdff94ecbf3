/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A predicate that ends with a ( still open.
 */

BEGIN
/rand(/
{
	trace(epid);
}
