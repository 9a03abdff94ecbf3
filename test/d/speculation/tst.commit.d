/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Data recorded after speculate() appears only when the speculation is
 * committed, at the point of the commit.
 */

#pragma D option quiet

BEGIN
{
	self->spec = speculation();
}

BEGIN
{
	speculate(self->spec);
	printf("speculative\n");
}

BEGIN
{
	printf("not speculative\n");
}

BEGIN
{
	commit(self->spec);
}

BEGIN
{
	exit(0);
}
