#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 150 (about ten dtrace starts, each seconds under Xen PV)
# Typed args[] of sdt and syscall probes, from the kernel's prototypes:
# a tracepoint's (BTF's btf_trace_EVENT) and a system call's (BTF's
# __do_sys_NAME, else the syscall trace event's field types), checked
# against what the traced command is known to do, and dtrace -lv's
# argument types against the kernel's TP_PROTO and SYSCALL_DEFINE lines.
set -u
. "$(dirname "$0")/fbt.sh"

# -- sched_process_exec(struct task_struct *p, pid_t old_pid, struct
# linux_binprm *bprm), fired by the exec of dtrace -c's command ---------------
out=$($D -q -n 'sdt:sched::sched_process_exec /args[0]->tgid == $target/ {
	printf("exec %d %d %s %s\n", args[0]->pid == $target,
	    args[1] == $target, stringof(args[0]->comm),
	    stringof(args[2]->filename)); exit(0); }' -c /bin/true 2>&1)
echo "$out"
echo "$out" | grep -qx "exec 1 1 true /bin/true" &&
	ok "sched_process_exec: args[0]->pid, old_pid args[1], comm, bprm->filename" ||
	fail "sched_process_exec args: want 'exec 1 1 true /bin/true'"

# -- sched_switch(bool preempt, struct task_struct *prev, struct
# task_struct *next, unsigned int prev_state): sleep(1) switching out
# asleep in nanosleep, not preempted (prev_state has TASK_INTERRUPTIBLE,
# 0x1, and not TASK_UNINTERRUPTIBLE, 0x2; 6.1 adds TASK_FREEZABLE) -------------
out=$($D -q -n 'sdt:sched::sched_switch /args[1]->tgid == $target &&
	stringof(args[1]->comm) == "sleep" && (args[3] & 3) == 1/ {
	printf("switch %s %d %d %d\n", stringof(args[1]->comm), args[0],
	    args[2] != args[1], args[1]->pid == $target); exit(0); }' \
	-c "sleep 0.5" 2>&1)
echo "$out"
echo "$out" | grep -qx "switch sleep 0 1 1" &&
	ok "sched_switch: prev, next, prev_state, preempt" ||
	fail "sched_switch args: want 'switch sleep 0 1 1'"

# -- openat(int dfd, const char *filename, int flags, umode_t mode): cat's
# open(2) of a file is openat(AT_FDCWD (-100), name, O_RDONLY) ---------------
f=/tmp/btf-sys.data
echo hello >"$f"
out=$($D -q -n 'syscall::openat:entry /pid == $target &&
	copyinstr((uintptr_t)args[1]) == "'$f'"/ {
	printf("openat %s %d %d\n", copyinstr((uintptr_t)args[1]), args[0],
	    args[2] & 3); exit(0); }' -c "cat $f" 2>&1)
echo "$out"
echo "$out" | grep -qx "openat $f -100 0" &&
	ok "openat: args[0] int AT_FDCWD, args[1] the name, args[2] O_RDONLY" ||
	fail "openat args: want 'openat $f -100 0'"
rm -f "$f"

# -- index past the prototype: a compile error ------------------------------
out=$($D -q -n 'sdt:sched::sched_switch { trace(args[4]); }' 2>&1)
echo "$out" | grep -q "index 4 is out of range for sdt:sched::sched_switch args\[ \]" &&
	ok "sched_switch args[4]: out of range" || fail "sched_switch args[4]: $out"

# -- dtrace -lv --------------------------------------------------------------
lv() {	# DESC WANT...: each "args[N]: TYPE" line in -lv's Argument Types
	local desc=$1 want n=0
	shift
	$D -lv -n "$desc" 2>&1 | sed -n '/Argument Types/,$p' >/tmp/btf-lv
	for want in "$@"; do
		grep -Fxq "		args[$n]: $want" /tmp/btf-lv && ok "-lv $desc: args[$n]: $want" ||
			fail "-lv $desc lacks args[$n]: $want: $(cat /tmp/btf-lv)"
		n=$((n + 1))
	done
	grep -q "args\[$n\]" /tmp/btf-lv && fail "-lv $desc: more than $n args: $(cat /tmp/btf-lv)"
	rm -f /tmp/btf-lv
}
lv sdt:sched::sched_switch 'bool' 'struct task_struct *' 'struct task_struct *' 'unsigned int'
lv sdt:sched::sched_process_exec 'struct task_struct *' 'pid_t' 'struct linux_binprm *'
# from the syscall trace event (SYSCALL_DEFINE4(openat, int, dfd, const
# char __user *, filename, int, flags, umode_t, mode))
lv syscall::openat:entry 'int' 'const char *' 'int' 'umode_t'
# from BTF's __do_sys_wait4 (SYSCALL_DEFINE4(wait4, pid_t, upid, int
# __user *, stat_addr, int, options, struct rusage __user *, ru))
lv syscall::wait4:entry 'pid_t' 'int *' 'int' 'struct rusage *'
$D -lv -n syscall::getpid:entry 2>&1 | sed -n '/Argument Types/,$p' | grep -q None &&
	ok "-lv syscall::getpid:entry: None" || fail "-lv getpid: not None"
fbt_done
