/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A store through a run-time index far outside a thread-local or
 * clause-local array variable ("self int s[3]", "this int t[2]") faults
 * with DTRACEFLT_BADADDR and the element's address, as DTrace's
 * dtrace_canstore() refuses a store outside the dynamic variable space
 * and outside every clause-local's storage; the clause stops there and
 * the elements stored before keep their values.  (An index only a little
 * past the end is a fault here too; DTrace lets such a store land in the
 * slack of the dynamic variable's chunk or in another CPU's copy of the
 * clause-local, so it is not part of this test.)
 */

#pragma D option quiet

self int s[3];
this int t[2];
int i;
int n;

BEGIN
{
	self->s[0] = 1;
	self->s[i + 1048576] = 5;
	printf("not reached\n");
}

BEGIN
{
	this->t[1] = 3;
	this->t[i + 1048576] = 6;
	printf("not reached\n");
}

BEGIN
{
	printf("self->s %d %d this->t %d faults %d\n", self->s[0],
	    self->s[1], this->t[1], n);
	exit(0);
}

ERROR
{
	n++;
	printf("%s\n", arg4 == DTRACEFLT_BADADDR ? "BADADDR" :
	    "another fault");
}
