/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The fault codes are D constants (inline ints of DTrace's D library,
 * with DTrace's values), so an ERROR clause can test arg4 by name.
 */

#pragma D option quiet

BEGIN
{
	x = 0;
	y = 10 / x;
}

BEGIN
{
	z = copyin(16, 8);
}

ERROR
/arg4 == DTRACEFLT_DIVZERO/
{
	printf("divzero\n");
}

ERROR
/arg4 == DTRACEFLT_BADADDR/
{
	printf("badaddr\n");
}

BEGIN
{
	printf("%d %d %d %d %d %d %d %d %d %d %d\n", DTRACEFLT_UNKNOWN,
	    DTRACEFLT_BADADDR, DTRACEFLT_BADALIGN, DTRACEFLT_ILLOP,
	    DTRACEFLT_DIVZERO, DTRACEFLT_NOSCRATCH, DTRACEFLT_KPRIV,
	    DTRACEFLT_UPRIV, DTRACEFLT_TUPOFLOW, DTRACEFLT_BADSTACK,
	    sizeof (DTRACEFLT_BADADDR));
	exit(0);
}
