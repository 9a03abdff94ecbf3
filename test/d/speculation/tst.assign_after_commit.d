/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Assignments may follow commit() in a clause: an expression statement
 * records no data (DTrace's dt_stmt_append() skips void expressions).
 */

#pragma D option quiet

BEGIN
{
	self->spec = speculation();
}

BEGIN
{
	speculate(self->spec);
	printf("speculated\n");
}

BEGIN
{
	commit(self->spec);
	self->done++;
	n = 7;
}

BEGIN
/self->done == 1/
{
	printf("done %d\n", n);
	exit(0);
}
