/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: only one storage class per declaration, also inside a clause.
 */
BEGIN
{
	self this int x;
	exit(0);
}
