/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit(0) ends tracing with status 0 after END runs.
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}

END
{
	printf("end\n");
}
