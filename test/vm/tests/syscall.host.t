#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The syscall provider (gen/830-prov-syscall.c) as a user drives it:
#  - `dtrace -l -P syscall` lists an entry and a return probe, once each,
#    for every function, with an empty module; read, openat and getppid
#    are there; the names are the kernel's (its own syscall trace events,
#    when tracefs shows them, name the same calls);
#  - `dtrace -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }'
#    -c CMD` counts exactly the getppid calls CMD made (the static helper
#    dtsyscall calls it N times);
#  - `dtrace -n 'syscall:::entry { @[probefunc] = count(); }'` under a
#    workload counts the workload's calls;
#  - the module is attached to the raw syscall tracepoints only while a
#    syscall probe is enabled (status file: syscall_tracepoints);
#  - enabling and disabling all syscall probes repeatedly under a workload
#    leaves the provider working (the harness checks dmesg after the boot).
# The D corpus (test/d/providers/tst.syscall_*) checks arguments, return
# values, errno and predicates.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
H=${DTRACE_TEST_BINDIR:-$DTRACE_TEST_SRCDIR/out/vm/bin}/dtsyscall
S=/sys/kernel/debug/dtrace/status
T=$(mktemp -d /tmp/syscall.XXXXXX)
pids=()
cleanup() {
	local p

	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
tracepoints() { sed -n 's/^syscall_tracepoints: //p' $S; }

if ! $D -l -n 'syscall:::' >/dev/null 2>&1; then
	cfg=$(dirname "${DTRACE_TEST_MODULE:-/nonexistent}")/.config
	if grep -qs '^# CONFIG_DTRACE_PROVIDER_SYSCALL is not set' "$cfg"; then
		echo "SKIP: module built without CONFIG_DTRACE_PROVIDER_SYSCALL"
		exit 77
	fi
	bad "no syscall probes: $($D -l -n 'syscall:::' 2>&1 | tail -1)"
	exit 1
fi
[ -x "$H" ] || { bad "no helper $H"; exit 1; }

# ---- the listing -----------------------------------------------------------
$D -l -P syscall >$T/list 2>$T/list.err || bad "dtrace -l -P syscall failed: $(cat $T/list.err)"
# Lines: ID PROVIDER FUNCTION NAME (an empty module leaves four fields).
awk 'NR > 1' $T/list >$T/rows
nrows=$(wc -l <$T/rows)
awk 'NF != 4 || $2 != "syscall" || ($4 != "entry" && $4 != "return")' $T/rows >$T/odd
[ -s $T/odd ] && bad "lines that are not 'ID syscall FUNC entry|return': $(head -3 $T/odd)" ||
	ok "$nrows probes, all syscall::FUNC:entry|return with an empty module"
dups=$(awk '{ print $3 ":" $4 }' $T/rows | sort | uniq -d | head -5)
[ -z "$dups" ] && ok "no duplicate probe" || bad "duplicates: $dups"
awk '{ print $3 }' $T/rows | sort | uniq -c | awk '$1 != 2 { print $2 }' >$T/unpaired
[ -s $T/unpaired ] && bad "functions without an entry+return pair: $(head -5 $T/unpaired | tr '\n' ' ')" ||
	ok "every function has an entry and a return probe ($((nrows / 2)) functions)"
for f in read openat getppid write close execve exit_group newuname; do
	for n in entry return; do
		grep -qE "^ *[0-9]+ +syscall +$f +$n\$" $T/rows || bad "syscall::$f:$n not listed"
	done
done
ok "read, openat, getppid, write, close, execve, exit_group, newuname listed"
[ $((nrows / 2)) -ge 300 ] && ok "at least 300 system calls" ||
	bad "only $((nrows / 2)) system calls"
# The kernel's own syscall trace events name the calls it has metadata for.
ev=
for d in /sys/kernel/tracing /sys/kernel/debug/tracing; do
	[ -d $d/events/syscalls ] && { ev=$d/events/syscalls; break; }
done
if [ -n "$ev" ]; then
	ls $ev | sed -n 's/^sys_enter_//p' | sort >$T/kernel
	awk '{ print $3 }' $T/rows | sort -u >$T/ours
	missing=$(comm -13 $T/ours $T/kernel | tr '\n' ' ')
	extra=$(comm -23 $T/ours $T/kernel | tr '\n' ' ')
	echo "info: $(wc -l <$T/kernel) syscall trace events; not ours: ${missing:-none}; ours without an event: ${extra:-none}"
	n=$(comm -12 $T/ours $T/kernel | wc -l)
	[ "$n" -ge 300 ] && ok "$n names match the kernel's syscall trace events" ||
		bad "only $n of our names are kernel syscall events"
else
	echo "info: no tracefs syscall events to compare names with"
fi

# ---- nothing enabled: not attached --------------------------------------------
[ "$(tracepoints)" = 0 ] && ok "no syscall probe enabled: syscall_tracepoints 0" ||
	bad "syscall_tracepoints '$(tracepoints)' with nothing enabled"

# ---- exact count with -c ------------------------------------------------------
for n in 1000 1; do
	$D -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }' \
		-c "$H getppid $n" >$T/c.out 2>$T/c.err
	rc=$?
	got=$(awk 'NF { v = $1 } END { print v }' $T/c.out)
	echo "--- dtrace -n 'syscall::getppid:entry /pid == \$target/ { @ = count(); }' -c '$H getppid $n' (exit $rc)"
	cat $T/c.out $T/c.err
	[ $rc = 0 ] && [ "$got" = "$n" ] && ok "getppid counted exactly $n times" ||
		bad "getppid count '$got' (exit $rc), expected $n"
done

# ---- the acceptance one-liner under a workload, attach/detach -------------------
workload() {
	"$H" spin 600 &
	pids+=($!)
	(while :; do cat /proc/self/stat >/dev/null; ls / >/dev/null; done) &
	pids+=($!)
}
workload
$D -n 'syscall:::entry { @[probefunc] = count(); } tick-1s { exit(0); }' \
	>$T/a.out 2>$T/a.err &
apid=$!
for ((i = 0; i < 600; i++)); do
	[ "$(tracepoints)" = 1 ] && break
	kill -0 $apid 2>/dev/null || break
	sleep 0.1
done
[ "$(tracepoints)" = 1 ] && ok "entry probes enabled: syscall_tracepoints 1" ||
	bad "syscall_tracepoints '$(tracepoints)' while entry probes are enabled"
wait $apid
rc=$?
echo "--- dtrace -n 'syscall:::entry { @[probefunc] = count(); } tick-1s { exit(0); }' (exit $rc), under a workload; top 15:"
sort -k2 -n $T/a.out | tail -15
cat $T/a.err
gp=$(awk '$1 == "getppid" { print $2 }' $T/a.out)
[ $rc = 0 ] && [ "${gp:-0}" -gt 100 ] && ok "syscall:::entry counts the workload (getppid $gp)" ||
	bad "syscall:::entry: exit $rc, getppid count '${gp:-none}'"
for f in read openat close; do
	grep -qE "^ *$f +[0-9]+\$" $T/a.out || bad "syscall:::entry saw no $f"
done
[ "$(tracepoints)" = 0 ] && ok "after the consumer exited: syscall_tracepoints 0" ||
	bad "syscall_tracepoints '$(tracepoints)' after the consumer exited"

# ---- stress: all syscall probes on and off under load ----------------------------
t0=$SECONDS
for ((i = 1; i <= 5; i++)); do
	$D -q -n 'syscall:::entry, syscall:::return { @[probename] = count(); }' \
		-n 'syscall::getppid:return /errno != 0/ { @e = count(); }' \
		-n 'tick-200ms { exit(0); }' >$T/s.out 2>$T/s.err
	rc=$?
	if [ $rc != 0 ] || ! grep -qE '^ *entry +[0-9]+$' $T/s.out ||
	   ! grep -qE '^ *return +[0-9]+$' $T/s.out; then
		bad "stress round $i: exit $rc: $(cat $T/s.out $T/s.err | head -5)"
		break
	fi
done
echo "info: 5 rounds of enabling all $nrows syscall probes under load: $((SECONDS - t0)) s"
[ "$(tracepoints)" = 0 ] && ok "stress: syscall_tracepoints 0 afterwards" ||
	bad "stress: syscall_tracepoints '$(tracepoints)' afterwards"
$D -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }' \
	-c "$H getppid 500" >$T/c.out 2>$T/c.err
got=$(awk 'NF { v = $1 } END { print v }' $T/c.out)
[ "$got" = 500 ] && ok "after the stress, getppid counted exactly 500 times" ||
	bad "after the stress: getppid count '$got', expected 500"
exit $fail
