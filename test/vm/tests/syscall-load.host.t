#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The syscall provider under load (see syscall.host.t for the rest):
#  - `dtrace -n 'syscall:::entry { @[probefunc] = count(); }'` (ended by a
#    tick) under a workload counts the workload's calls;
#  - enabling and disabling all syscall probes repeatedly under the
#    workload (each round ends after 200 getppid returns, not after a
#    time) leaves the provider working and detached afterwards (the
#    harness checks dmesg after the boot).
set -u
. "$(dirname "$0")/syscall.sh"

workload
# ---- the acceptance one-liner under the workload ---------------------------------
$D -n 'syscall:::entry { @[probefunc] = count(); } tick-1s { exit(0); }' \
	>$T/a.out 2>$T/a.err
rc=$?
echo "--- dtrace -n 'syscall:::entry { @[probefunc] = count(); } tick-1s { exit(0); }' (exit $rc), under a workload; top 15:"
sort -k2 -n $T/a.out | tail -15
cat $T/a.err
awk -v rc=$rc '
$1 == "getppid" { gp = $2 } $1 == "nanosleep" || $1 == "clock_nanosleep" { ns = 1 }
END {
	if (rc == 0 && gp > 0 && ns) print "ok syscall:::entry counts the workload (getppid " gp ")"
	else print "FAIL syscall:::entry: exit " rc ", getppid " gp ", nanosleep " ns
}' $T/a.out >$T/ac
cat $T/ac
grep -q '^FAIL' $T/ac && fail=1

# ---- stress: all syscall probes on and off under load ----------------------------
t0=$SECONDS
for ((i = 1; i <= 3; i++)); do
	$D -q -n 'BEGIN { n = 0; }' \
		-n 'syscall:::entry, syscall:::return { @[probename] = count(); }' \
		-n 'syscall::getppid:return /errno != 0/ { @e = count(); }' \
		-n 'syscall::getppid:return /++n >= 200/ { exit(0); }' >$T/s.out 2>$T/s.err
	rc=$?
	if [ $rc != 0 ] || ! grep -qE '^ *entry +[0-9]+$' $T/s.out ||
	   ! grep -qE '^ *return +[0-9]+$' $T/s.out; then
		bad "stress round $i: exit $rc: $(cat $T/s.out $T/s.err | head -5)"
		break
	fi
done
echo "info: 3 rounds of enabling all syscall probes under load: $((SECONDS - t0)) s"
[ "$(tracepoints)" = 0 ] && ok "stress: syscall_tracepoints 0 afterwards" ||
	bad "stress: syscall_tracepoints '$(tracepoints)' afterwards"
$D -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }' \
	-c "$H getppid 500" >$T/c.out 2>$T/c.err
got=$(awk 'NF { v = $1 } END { print v }' $T/c.out)
[ "$got" = 500 ] && ok "after the stress, getppid counted exactly 500 times" ||
	bad "after the stress: getppid count '$got', expected 500"
exit $fail
