/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * bufsize=32 is accepted: a record larger than the buffer is dropped
 * (and the drop reported on stderr) while exit() still fits.
 */

#pragma D option quiet
#pragma D option bufsize=32

BEGIN
{
	printf("%s %s %s\n", "a string record", "that cannot fit", "in 32");
}

BEGIN
{
	exit(0);
}
