/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: `jiffies names the kernel's variable: on x86-64 it is at the
 * address of jiffies_64; the kernel's BTF has no type for it (pahole
 * describes per-CPU variables only), so it is read through a cast of its
 * address; it is not 0 and it advances while ticks go by.
 *
 * @@no-host: the host's /proc/kallsyms may lack data symbols
 */
#pragma D option quiet

BEGIN
{
	j = *(unsigned long *)&`jiffies;
	printf("%d %d\n", &`jiffies == &vmlinux`jiffies_64, j != 0);
}

tick-200ms
{
	printf("%d\n", *(unsigned long *)&`jiffies > j);
	exit(0);
}
