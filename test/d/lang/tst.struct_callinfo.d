/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The Dynamic Tracing Guide's callinfo example (Structs chapter), with
 * tick probes in place of system calls: struct members of associative-
 * array elements are updated across firings, used in predicates and in a
 * conditional expression, and read in END.
 */

#pragma D option quiet

struct callinfo {
	uint64_t ts;		/* timestamp of the last firing */
	uint64_t elapsed;	/* total elapsed time in nanoseconds */
	uint64_t calls;		/* number of firings */
	size_t maxbytes;	/* largest "byte count" seen */
};

struct callinfo i[string];
int n;

tick-10ms
/n < 5/
{
	i[probename].ts = timestamp;
	i[probename].calls++;
	i[probename].maxbytes = n * 100 > i[probename].maxbytes ?
	    n * 100 : i[probename].maxbytes;
	n++;
}

tick-10ms
/i[probename].ts != 0/
{
	/* the same firing: timestamp has not moved */
	i[probename].elapsed += timestamp - i[probename].ts;
}

tick-10ms
/n == 5/
{
	exit(0);
}

END
{
	printf("%d %d %d %d\n", i["tick-10ms"].calls,
	    i["tick-10ms"].maxbytes, i["tick-10ms"].elapsed,
	    i["read"].calls);
}
