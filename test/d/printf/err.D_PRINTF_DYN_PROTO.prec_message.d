/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A missing ".*" precision argument, for conversion #2.
 */

BEGIN
{
	printf("%s %.*d\n", "foo");
}
