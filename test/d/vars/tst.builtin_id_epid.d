/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Clauses for one probe share the probe id but have different enabled
 * probe ids.
 */

#pragma D option quiet

BEGIN
{
	id1 = id;
	e1 = epid;
}

BEGIN
{
	printf("%d %d %d\n", id == id1, epid != e1, id > 0 && epid > 0);
	exit(0);
}
