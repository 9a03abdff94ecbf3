/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Every action compiles.
 */

#pragma D option destructive
#pragma D option quiet
#pragma D option bufsize=1m
#pragma D option strsize=128

BEGIN
{
	trace(1);
	tracemem(curthread, 16);
	printf("%d %s %p\n", 1, "a", curthread);
	stack();
	ustack(10);
	setopt("quiet");
	setopt("bufpolicy", "ring");
	@a[probefunc] = sum(1);
	printa(@a);
	printa("%s %@d\n", @a);
	trunc(@a, 2);
	normalize(@a, 10);
	denormalize(@a);
	clear(@a);
	system("echo %d", pid);
	raise(0);
	chill(1);
	exit(0);
}

END
{
	spec = speculation();
}

tick-1s
/spec/
{
	speculate(spec);
	printf("speculative\n");
}

tick-2s
/spec/
{
	commit(spec);
}

tick-3s
/spec/
{
	discard(spec);
}
