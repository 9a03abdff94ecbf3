/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregating in END is printed at exit.
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}

END
{
	@["end"] = count();
}
