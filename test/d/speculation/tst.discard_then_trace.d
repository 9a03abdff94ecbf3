/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * discard() records no data, so data-recording actions may precede and
 * follow it in one clause (only commit() excludes them: D_COMM_DREC,
 * D_DREC_COMM).  The clause's own data goes to the principal buffer; the
 * speculation's is thrown away.
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
	printf("before discard\n");
	discard(self->spec);
	printf("after discard\n");
	trace(7);
}

BEGIN
{
	exit(0);
}
