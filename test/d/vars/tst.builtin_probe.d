/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * probeprov, probemod, probefunc and probename describe the firing
 * probe.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s][%s][%s][%s]\n", probeprov, probemod, probefunc, probename);
	exit(0);
}

END
{
	printf("[%s][%s][%s][%s]\n", probeprov, probemod, probefunc, probename);
}
