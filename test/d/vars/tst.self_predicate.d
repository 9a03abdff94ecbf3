/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A thread-local variable can be tested in a predicate.
 */

#pragma D option quiet

BEGIN
{
	self->go = 1;
}

BEGIN
/self->go/
{
	printf("yes\n");
}

BEGIN
/!self->go/
{
	printf("no\n");
}

BEGIN
{
	exit(0);
}
