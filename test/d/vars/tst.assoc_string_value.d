/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative array elements may be strings.
 */

#pragma D option quiet

BEGIN
{
	s["a"] = "hello";
	s["b"] = "world";
	printf("%s %s\n", s["a"], s["b"]);
	exit(0);
}
