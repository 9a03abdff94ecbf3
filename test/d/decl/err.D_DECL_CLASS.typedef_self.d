/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: only one storage class (self, this, typedef, ...) per declaration.
 */
typedef self int x;

BEGIN
{
	exit(0);
}
