/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A '*' width that is not an integer: the conversion shown as % * d.
 */

BEGIN
{
	printf("%*d\n", "foo", 1);
}
