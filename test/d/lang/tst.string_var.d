/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * String variables can be assigned, reassigned and compared; the empty
 * string is a valid value.
 */

#pragma D option quiet

string e;

BEGIN
{
	s = "hello";
	printf("%s\n", s);
	s = "bye";
	printf("%s [%s] %d\n", s, e, e == "");
	exit(0);
}
