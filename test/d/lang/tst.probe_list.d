/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause may name several probe descriptions separated by commas; it
 * runs for each.
 */

#pragma D option quiet

BEGIN,
END
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
