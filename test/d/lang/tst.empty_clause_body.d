/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause with an empty body and a predicate compiles; in quiet mode
 * its default action prints nothing.
 */

#pragma D option quiet

BEGIN
/0/
{
}

BEGIN
{
	printf("done\n");
	exit(0);
}
