/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * syscall:::entry and syscall:::return name every system call; probefunc
 * is the call's name and predicates select on it.  The helper calls
 * dup2 once and close three times (close(3), close(9), close(9)).
 *
 * @@runtest-opts: -c ./syscall-helper
 * @@timeout: 60
 */

#pragma D option quiet

int n[string, string];

syscall:::entry,
syscall:::return
/pid == $target && execname == "dtsyscall" &&
    (probefunc == "close" || probefunc == "dup2")/
{
	n[probefunc, probename]++;
}

syscall::dup*:entry
/pid == $target && execname == "dtsyscall"/
{
	printf("%s:%s:%s:%s\n", probeprov, probemod, probefunc, probename);
}

END
{
	printf("dup2 %d %d close %d %d\n", n["dup2", "entry"],
	    n["dup2", "return"], n["close", "entry"], n["close", "return"]);
}
