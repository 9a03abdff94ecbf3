#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The proc provider (gen/860-prov-stable.c) against ground truth the shell
# gives:
#  - `dtrace -l -P proc` lists the Guide's probes Linux can offer and not
#    signal-clear; -lv gives psinfo_t * from struct task_struct * as
#    proc:::create's args[0] and the Guide's stability attributes;
#  - proc:::exit's pid and args[0] (CLD_EXITED 1, CLD_KILLED 2,
#    CLD_DUMPED 3: the Guide's exit reasons) for children of a script
#    that records $! and $? of `exit 7`, a `kill -9` and (when the kernel
#    writes the core) a SIGSEGV core dump;
#  - exec-success's pid and execname vs the program the script ran ($!),
#    exec's path argument, exec-failure's errno (ENOENT, 2) for a missing
#    program;
#  - create (in the parent: pid the script's, args[0] the child) and start
#    (in the child: pid the child's) for each child;
#  - signal-send's target and signal number for `kill -USR2`;
#  - no callback stays registered after the consumer exits.
set -u
. "$(dirname "$0")/stable.sh"

# ---- the listing ------------------------------------------------------------
$D -l -P proc >$T/list 2>&1 || bad "dtrace -l -P proc failed: $(cat $T/list)"
for p in create exec exec-success exec-failure exit lwp-create lwp-start \
	lwp-exit signal-send signal-handle start; do
	awk -v p=$p '$2 == "proc" && $NF == p { y = 1 } END { exit !y }' $T/list &&
		ok "listed: proc:::$p" || bad "not listed: proc:::$p"
done
grep -q 'signal-clear' $T/list && bad "signal-clear listed (Linux has no event)" ||
	ok "signal-clear not offered"
$D -lv -n proc:::create >$T/lv 2>&1
grep -q 'args\[0\]: psinfo_t \* (from struct task_struct \*)' $T/lv &&
	ok "-lv: proc:::create args[0] psinfo_t * from struct task_struct *" ||
	{ bad "-lv proc:::create argument types"; cat $T/lv; }
awk '/Probe Description Attributes/ { getline; n = $3; getline; d = $3; getline; c = $3; print n, d, c; exit }' $T/lv >$T/attr
# provider Evolving/Evolving/ISA, module and function Private, name Evolving:
# a fully named description is the minimum (DTrace's rule).
[ "$(cat $T/attr)" = "Private Private Unknown" ] &&
	ok "-lv: description attributes Private/Private/Unknown (module and function Private)" ||
	bad "-lv: description attributes '$(cat $T/attr)'"
awk '/Argument Attributes/ { getline; n = $3; getline; d = $3; getline; c = $3; print n, d, c; exit }' $T/lv >$T/attr
[ "$(cat $T/attr)" = "Evolving Evolving ISA" ] &&
	ok "-lv: argument attributes Evolving/Evolving/ISA" ||
	bad "-lv: argument attributes '$(cat $T/attr)'"
[ "$(registered proc)" = 0 ] && ok "nothing enabled: proc_tracepoints_registered 0" ||
	bad "proc_tracepoints_registered '$(registered proc)' with nothing enabled"

# ---- children with known pids and exit statuses -----------------------------
mkdir -p $T/core
echo core >/proc/sys/kernel/core_pattern 2>/dev/null
cat >$T/kids.sh <<KIDS
sh -c 'exit 7' & p=\$!; wait \$p; echo "exited \$p \$?"
sleep 30 & p=\$!; kill -9 \$p; wait \$p; echo "killed \$p \$?"
(ulimit -c unlimited; cd $T/core && exec sh -c 'kill -SEGV \$\$') & p=\$!; wait \$p; echo "dumped \$p \$?"
/bin/sleep 0 & p=\$!; wait \$p; echo "ran \$p \$?"
$T/no-such-program & p=\$!; wait \$p; echo "missing \$p \$?"
sleep 30 & p=\$!; while [ "\$(cat /proc/\$p/comm)" != sleep ]; do sleep 0.05; done
kill -USR2 \$p; wait \$p; echo "signalled \$p \$?"
KIDS
$D -q -n '
proc:::exit /ppid == $target/ { printf("exit %d %d\n", pid, arg0); }
proc:::exec-success /ppid == $target/ { printf("exec %d %s\n", pid, execname); }
proc:::exec /ppid == $target/ { printf("path %d %s\n", pid, stringof(arg0)); }
proc:::exec-failure /ppid == $target/ { printf("fail %d %d\n", pid, arg0); }
proc:::create /pid == $target/ {
	printf("create %d\n", ((struct task_struct *)arg0)->tgid);
}
proc:::start /ppid == $target/ { printf("start %d\n", pid); }
proc:::signal-send /pid == $target && arg2 == 12/ {
	printf("send %d %d\n", ((struct task_struct *)arg1)->tgid, arg2);
}' -c "bash $T/kids.sh" >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && ok "consumer ran the script" || bad "dtrace exited $rc: $(cat $T/err)"
cat $T/out
# the script's lines come through dtrace's stdout too (-c shares it)
has() { grep -qx "$1" $T/out && ok "$2" || bad "$2: no line '$1'"; }
read -r _ p1 r1 <<<"$(grep '^exited ' $T/out)"
[ "$r1" = 7 ] && ok "exit 7: \$? 7" || bad "exit 7 gave \$? '$r1'"
has "exit $p1 1" "proc:::exit of 'exit 7' (pid $p1): args[0] CLD_EXITED"
read -r _ p2 r2 <<<"$(grep '^killed ' $T/out)"
[ "$r2" = 137 ] && ok "kill -9: \$? 137" || bad "kill -9 gave \$? '$r2'"
has "exit $p2 2" "proc:::exit of a kill -9 (pid $p2): args[0] CLD_KILLED"
read -r _ p3 r3 <<<"$(grep '^dumped ' $T/out)"
if ls $T/core/core* >/dev/null 2>&1; then
	has "exit $p3 3" "proc:::exit of a core dump (pid $p3, \$? $r3): args[0] CLD_DUMPED"
else
	has "exit $p3 2" "proc:::exit of SIGSEGV without a core file (pid $p3, \$? $r3): args[0] CLD_KILLED"
fi
read -r _ p4 r4 <<<"$(grep '^ran ' $T/out)"
has "exec $p4 sleep" "proc:::exec-success of /bin/sleep (pid $p4): execname sleep"
has "path $p4 /bin/sleep" "proc:::exec of /bin/sleep: args[0] the path"
has "start $p4" "proc:::start in the child (pid $p4)"
has "create $p4" "proc:::create in the parent: args[0] the child ($p4)"
has "exit $p4 1" "proc:::exit of sleep 0 (pid $p4): CLD_EXITED"
read -r _ p5 r5 <<<"$(grep '^missing ' $T/out)"
has "fail $p5 2" "proc:::exec-failure of a missing program (pid $p5): args[0] ENOENT"
grep -q "^exec $p5 " $T/out && bad "exec-success for the missing program" ||
	ok "no exec-success for the missing program"
read -r _ p6 r6 <<<"$(grep '^signalled ' $T/out)"
has "send $p6 12" "proc:::signal-send: args[1] the target ($p6), args[2] SIGUSR2"
[ "$(registered proc)" = 0 ] && ok "consumer gone: proc_tracepoints_registered 0" ||
	bad "proc_tracepoints_registered '$(registered proc)' after the consumer exited"
exit $fail
