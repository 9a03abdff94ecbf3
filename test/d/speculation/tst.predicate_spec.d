/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A speculation ID can be tested in a predicate.
 */

#pragma D option quiet

BEGIN
{
	self->s = speculation();
}

BEGIN
/self->s/
{
	speculate(self->s);
	printf("ok\n");
}

BEGIN
/self->s/
{
	commit(self->s);
}

BEGIN
{
	exit(0);
}
