/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A global variable assigned in BEGIN keeps its value in END.
 */

#pragma D option quiet

BEGIN
{
	x = 42;
	s = "kept";
	exit(0);
}

END
{
	printf("%d %s\n", x, s);
}
