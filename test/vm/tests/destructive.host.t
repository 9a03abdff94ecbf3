#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# breakpoint() and panic() are refused without -w (the module refuses the
# enabling; test/ioctl checks that with hand-made enablings too).  breakpoint() with -w and no
# kernel debugger (Debian's kernels have no kgdb) logs one line naming the
# probe, rate-limited, and the system goes on; the harness checks that
# dmesg has no BUG, WARNING or Oops.  panic() itself has a boot of its
# own: test/vm/panic (make vm-panic).
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/destr.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

for a in breakpoint panic; do
	$D -q -n "BEGIN { $a(); exit(0); }" >$T/out 2>$T/err
	rc=$?
	# dtrace(1) passes the enabling on without DTRACE_ENABLE_DESTRUCTIVE;
	# the module refuses it; dtrace(1) says so in DTrace's words.
	if [ $rc = 1 ] && grep -q "^dtrace: failed to enable '.*': destructive actions not allowed$" $T/err; then
		ok "$a() refused without -w"
	else
		bad "$a() without -w: status $rc, $(cat $T/err)"
	fi
done

line='dtrace: breakpoint action at probe dtrace:::BEGIN (no kernel debugger attached)'
$D -w -q -n 'BEGIN { breakpoint(); printf("after\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx after $T/out && ok "breakpoint() with -w: the clause goes on" ||
	bad "breakpoint() with -w: status $rc, $(cat $T/out $T/err)"
sleep 0.5
n=$(dmesg | grep -cF "$line")
[ "$n" = 1 ] && ok "one log line: $line" || bad "$n log lines '$line'"

# A breakpoint() at every firing of profile-997 for 2 s (about 2000 firings): the log stays
# short (the kernel's default rate limit: 10 lines per 5 s).  The run can
# take far longer than 2 s of wall time on a busy host (Xen PV under TCG):
# the bound allows 10 lines for each 5 s window the run touched.
t0=$(date +%s)
$D -w -q -n 'profile-997 { breakpoint(); } tick-2s { exit(0); }' >$T/out 2>$T/err
rc=$?
t1=$(date +%s)
[ $rc = 0 ] && ok "breakpoint() in profile-997 for 2 s" || bad "profile breakpoint: status $rc, $(cat $T/err)"
sleep 0.5
n=$(dmesg | grep -cF 'dtrace: breakpoint action at probe profile:::profile-997 (no kernel debugger attached)')
max=$((10 * ((t1 - t0) / 5 + 2)))
[ "$n" -ge 1 ] && [ "$n" -le $max ] && ok "rate-limited: $n log lines in $((t1 - t0)) s (at most $max)" ||
	bad "$n log lines for profile-997 in $((t1 - t0)) s (at most $max)"
exit $fail
