#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 300
# The kernel's own function tracer on every function, with dtrace.ko
# unloaded: the reference for fbt:::entry at scale (accept.host.t).  If
# the kernel itself stalls or oopses here, so will any tracer of all
# functions on this machine.  Run by hand (one boot, not in make check):
#   flock /work/vm.lock make vmcheck KERNELS=6.12 PLATFORMS=native \
#	VMTESTS=test/vm/fbt-kernel VMHOOK=none VM_REFUSE=0
# (VM_KERNEL_ARGS="softlockup_panic=1 softlockup_all_cpu_backtrace=1" ends
# the boot at the first soft lockup with every CPU's backtrace).
# Three rounds: quiet, then twice under the accept test's workload.
# Findings (QEMU multi-threaded TCG runs stale patched code): README.md.
# Use VM_ACCEL=tcg,thread=single for a run that should pass.
set -u
T=/sys/kernel/debug/tracing
now() { /usr/bin/date +%s.%N; }
el() { echo "$1 $2" | awk '{ printf("%.2f", $2 - $1) }'; }
say() { echo "== $*"; echo "ftrace-alone: $*" >/dev/kmsg 2>/dev/null; }
fails=0
rmmod dtrace || { echo "FAIL: rmmod dtrace"; exit 1; }
load=
trap '[ -n "$load" ] && kill $load 2>/dev/null; insmod "$DTRACE_TEST_MODULE"' EXIT
echo "functions in available_filter_functions: $(wc -l <$T/available_filter_functions)"
for n in 1 2 3; do
	if [ $n = 2 ]; then
		( while :; do cat /etc/passwd /etc/services >/dev/null
			ls -R /usr/share/doc >/dev/null 2>&1
			dd if=/dev/zero of=/dev/null bs=1234 count=1 status=none
		done ) &
		load=$!
	fi
	say "round $n: function tracer on"
	t0=$(now)
	echo function >$T/current_tracer || { echo "FAIL: function tracer"; fails=$((fails + 1)); }
	t1=$(now)
	sleep 5
	say "round $n: function tracer off"
	t2=$(now)
	echo nop >$T/current_tracer
	t3=$(now)
	echo "round $n: on in $(el $t0 $t1) s, off in $(el $t2 $t3) s"
done
echo "$fails failures"
[ $fails -eq 0 ]
