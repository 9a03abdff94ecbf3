/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A trailing * matches any suffix.
 */

#pragma D option quiet

dtrace:::BEG*
{
	printf("%s\n", probename);
	exit(0);
}
