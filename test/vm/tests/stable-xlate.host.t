#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The stable providers' args[] typed and translated as DTrace types them
# (dtargd_native / dtargd_xlate from DTRACEIOC_PROBEARG, the translators
# of the D library): proc:::create's args[0]->pr_pid is the child's pid,
# proc:::exit's args[0] an int, exec-success's curpsinfo->pr_psargs the
# program's whole argument list (d_execargs) as ps(1) shows it, and the issue's io one-liner (args[1]->dev_statname,
# args[0]->b_bcount) for a known direct dd to a null_blk device.
set -u
. "$(dirname "$0")/stable.sh"
export DTRACE_LIBDIR=${DTRACE_LIBDIR-$DTRACE_TEST_SRCDIR/tools/dtrace/lib}

# ---- proc: create's args[0] is a psinfo_t * ------------------------------------
# (dtrace -c splits its command at blanks, as DTrace does: no shell quoting)
printf '/bin/true &\necho spawned $!\nwait\n' >$T/spawn.sh
printf '/bin/sleep 0\n/bin/echo psargs-one two  three >/dev/null\n' >$T/exec.sh
$D -q -n 'proc:::create /pid == $target/ { printf("child %d parent %d creator %d\n",
	args[0]->pr_pid, args[0]->pr_ppid, pid); }' \
	-n 'proc:::exit /pid == $target/ { printf("reason %d\n", args[0] + 0); }' \
	-c "/bin/sh $T/spawn.sh" >$T/cr 2>&1
rc=$?
cat $T/cr
sp=$(awk '$1 == "spawned" { print $2 }' $T/cr)
[ $rc = 0 ] && [ -n "$sp" ] &&
	awk -v c=$sp '$1 == "child" && $2 == c && $4 == $6 { y = 1 } END { exit !y }' $T/cr &&
	ok "proc:::create args[0]->pr_pid $sp is the child the shell spawned, pr_ppid the creator" ||
	bad "proc:::create args[0] (exit $rc)"
grep -qx "reason 1" $T/cr && ok "proc:::exit args[0] is CLD_EXITED (1)" ||
	bad "proc:::exit args[0] is not 1"

# ---- proc: exec-success and curpsinfo (the issue's first one-liner) -----------
$D -q -n 'proc:::exec-success /ppid == $target/ { printf("exec %s\n", curpsinfo->pr_psargs); }' \
	-c "/bin/sh $T/exec.sh" >$T/ex 2>&1
cat $T/ex
grep -qx "exec /bin/sleep 0" $T/ex && ok "exec-success curpsinfo->pr_psargs is '/bin/sleep 0'" ||
	bad "exec-success pr_psargs of /bin/sleep 0"
# the shell splits the line: argv is /bin/echo, psargs-one, two, three
grep -qx "exec /bin/echo psargs-one two three" $T/ex &&
	ok "pr_psargs joins every argument with a space" ||
	bad "exec-success pr_psargs of /bin/echo psargs-one two three"
# pr_psargs as /proc/PID/cmdline shows it: the target shell writes its
# own cmdline (NULs as spaces) to a file; the probe fires as the shell
# exits (dtrace(1) kills its -c command when it exits itself: an earlier
# probe would race with the shell's tr)
printf 'tr "\\000" " " </proc/$$/cmdline >%s\nexit 0\n' $T/cmdline >$T/self.sh
$D -q -n 'syscall::exit_group:entry /pid == $target && execname == "sh"/ {
	printf("args %s\n", curpsinfo->pr_psargs); exit(0); }' \
	-c "/bin/sh $T/self.sh alpha beta" >$T/ns 2>&1
cat $T/ns
want=$(sed 's/ *$//' $T/cmdline 2>/dev/null)
[ -n "$want" ] && grep -qx "args $want" $T/ns &&
	ok "pr_psargs '$want' is /proc/PID/cmdline with spaces" ||
	bad "pr_psargs vs /proc/PID/cmdline '$want'"
# pr_start: when the process started, on the wall clock (seconds)
t0=$(date +%s)
$D -q -n 'BEGIN { printf("start %d %d\n", curpsinfo->pr_start.tv_sec, curpsinfo->pr_start.tv_nsec); exit(0); }' >$T/st 2>&1
t1=$(date +%s)
cat $T/st
awk -v a=$t0 -v b=$t1 '$1 == "start" && $2 >= a - 1 && $2 <= b && $3 >= 0 && $3 < 1000000000 { y = 1 } END { exit !y }' $T/st &&
	ok "pr_start of dtrace itself is between $t0 and $t1" ||
	bad "pr_start not between $t0 and $t1"
# another thread's arguments cannot be read in probe context: its comm
$D -q -n 'sched:::on-cpu /execname == "sleep"/ { printf("oncpu %s\n", curpsinfo->pr_psargs); exit(0); }' \
	-c "/bin/sleep 0.5" >$T/oc 2>&1
cat $T/oc
grep -qx "oncpu sleep" $T/oc && ok "on-cpu: curpsinfo->pr_psargs of the thread about to run is its comm" ||
	bad "on-cpu curpsinfo->pr_psargs"

# ---- io: the issue's one-liner on a known dd -----------------------------------
if nullblk_up; then
	$D -q -n 'io:::start { @[args[1]->dev_statname] = sum(args[0]->b_bcount); }' \
		-n 'END { printa("%s %@d\n", @); }' \
		-c "dd if=/dev/zero of=$dev bs=4k count=16 oflag=direct" >$T/io 2>&1
	rc=$?
	cat $T/io
	grep -qx "nullb0 65536" $T/io && ok "io:::start args[1]->dev_statname nullb0, 65536 bytes" ||
		bad "io one-liner (exit $rc)"
	nullblk_down
else
	echo "SKIP io one-liner: no null_blk ($(cat $T/mod))"
fi
exit $fail
