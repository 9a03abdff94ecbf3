/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A store through a run-time index outside a global array variable
 * ("int a[5]; a[i] = 1" with i = 5, just past the end, or 64) faults
 * and writes nothing: DTrace keeps each global by-reference variable in
 * its own allocation and its dtrace_canstore() refuses a store outside
 * every variable's storage, so the ERROR probe fires with
 * DTRACEFLT_BADADDR and arg5 the address of the element, the clause
 * stops there, dtrace(1) reports "invalid address (ADDR)" and the
 * variable next to the array keeps its value.
 */

#pragma D option quiet

int a[5];
int b;
int i;
int n;

BEGIN
{
	b = 42;
	a[4] = 4;
}

BEGIN
{
	a[i + 5] = 1;
	printf("not reached\n");
}

BEGIN
{
	a[i + 64] = 2;
	printf("not reached\n");
}

BEGIN
{
	printf("b %d a[4] %d faults %d\n", b, a[4], n);
	exit(0);
}

ERROR
{
	n++;
	printf("%s at a + %d\n",
	    arg4 == DTRACEFLT_BADADDR ? "BADADDR" : "another fault",
	    arg5 - (uint64_t)&a[0]);
}
