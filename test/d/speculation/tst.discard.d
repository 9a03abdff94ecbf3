/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Data recorded after speculate() is thrown away when the speculation
 * is discarded.
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
	discard(self->spec);
}

BEGIN
{
	exit(0);
}
