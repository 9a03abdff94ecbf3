#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 120
#
# Kernel text patched while dtrace probes fire everywhere: a profile-997
# consumer (a timer interrupt on every CPU, about 1000 a second) runs while
# (1) tracefs enables and disables the sched, irq and timer event groups
# (static keys and static calls rewritten by text_poke_bp(), whose int3
# every CPU may hit meanwhile), and (2) other consumers enable syscall,
# sdt and fbt probes (tracepoint registration and ftrace: the same
# patching, started by us).  The kernel must survive with a clean log, the
# profile consumer must keep counting, and every consumer must exit 0.
#
# Runs only in the single-threaded-TCG boots (make vm-xmc): under QEMU's
# multi-threaded TCG a vCPU can run an int3 the kernel already replaced,
# and the same tracefs toggling under a 1 kHz-per-CPU timer load crashes a
# Xen PV dom0 without our module at all (test/vm/xmc/README).
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
if [ "${DTRACE_TEST_TCG:-multi}" != single ]; then
	echo "SKIP: multi-threaded TCG runs stale patched code (QEMU, test/vm/xmc/README); runs in make vm-xmc"
	exit 77
fi
T=$(mktemp -d /tmp/tpl.XXXXXX)
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
prof=
cleanup() {
	[ -n "$prof" ] && kill -9 $prof 2>/dev/null
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
TR=
for d in /sys/kernel/tracing /sys/kernel/debug/tracing; do
	[ -r $d/available_events ] && { TR=$d; break; }
done

$D -q -n 'BEGIN { printf("ready\n"); }' -n 'profile-997 { @n = count(); }' \
	-n 'END { printa("profile %@d\n", @n); }' >$T/prof.out 2>&1 &
prof=$!
i=0
while ! grep -qx ready $T/prof.out && [ $i -lt 300 ]; do
	kill -0 $prof 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
grep -qx ready $T/prof.out || { bad "profile consumer did not start: $(cat $T/prof.out)"; exit 1; }

# (1) tracefs rewrites static keys and calls under the profile load
if [ -n "$TR" ]; then
	for r in 1 2; do
		for g in sched irq timer; do
			echo 1 >$TR/events/$g/enable || bad "enable $g events"
			sleep 0.5
			echo 0 >$TR/events/$g/enable || bad "disable $g events"
		done
	done
	ok "tracefs toggled the sched, irq and timer groups twice"
else
	bad "no tracefs"
fi

# (2) our own providers patch the same way while the profile probes fire
for r in 1 2 3; do
	$D -q -n 'syscall::getppid:entry, sdt:sched::sched_switch,
	    fbt::vfs_read:entry { @[probeprov] = count(); }' \
		-n 'tick-500ms { exit(0); }' >$T/en.out 2>&1
	rc=$?
	[ $rc = 0 ] || bad "round $r: enabling consumer exited $rc: $(cat $T/en.out)"
done
grep -qw sdt $T/en.out && ok "syscall/sdt/fbt enabled and disabled 3 times" ||
	bad "sdt:sched::sched_switch never fired: $(cat $T/en.out)"

kill -INT $prof
wait $prof
rc=$?
prof=
cat $T/prof.out
[ $rc = 0 ] && ok "profile consumer exited 0" || bad "profile consumer exited $rc"
n=$(awk '$1 == "profile" { print $2 }' $T/prof.out)
[ "${n:-0}" -gt 1000 ] && ok "profile-997 fired $n times" || bad "profile-997 fired '${n:-}' times"
exit $fail
