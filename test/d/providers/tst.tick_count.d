/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A tick probe keeps firing until exit(), each firing later than the one
 * before, and once exit() has run no probe but END fires: the count of
 * firings, kept by a clause without a predicate, is exactly the firing
 * that called exit().
 *
 * @@timeout: 60
 */

#pragma D option quiet

uint64_t last;
int n;

tick-10ms
{
	@fired = count();
}

tick-10ms
/last != 0/
{
	@later = sum(timestamp > last);
}

tick-10ms
{
	last = timestamp;
}

tick-10ms
/++n == 10/
{
	exit(0);
}

END
{
	printa("fired %@d\n", @fired);
	printa("later %@d\n", @later);
}
