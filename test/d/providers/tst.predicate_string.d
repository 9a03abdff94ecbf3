/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Predicates may compare strings.
 */

#pragma D option quiet

dtrace:::BEGIN,
dtrace:::END
/probename == "END"/
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
