/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A string inline can be compared and joined.
 */

#pragma D option quiet

inline string GREETING = "hi";

BEGIN
{
	printf("%s %d %s\n", GREETING, GREETING == "hi", strjoin(GREETING, "!"));
	exit(0);
}
