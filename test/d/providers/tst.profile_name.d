/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * profile-N probes are named profile:::profile-N.
 *
 * @@timeout: 60
 */

#pragma D option quiet

profile-99
{
	name = probename;
	prov = probeprov;
}

tick-200ms
/name != ""/
{
	printf("%s %s\n", prov, name);
	exit(0);
}
