#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The syscall provider (gen/830-prov-syscall.c) as a user drives it:
#  - `dtrace -l -P syscall` lists an entry and a return probe, once each,
#    for every function, with an empty module; read, openat and getppid
#    are there; the names are the kernel's (its own syscall trace events,
#    when tracefs shows them, name the same calls);
#  - the module is attached to the raw syscall tracepoints only while a
#    syscall probe is enabled (status file: syscall_tracepoints);
#  - `dtrace -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }'
#    -c CMD` counts exactly the getppid calls CMD made (the static helper
#    dtsyscall calls it N times).
# syscall-load.host.t runs the acceptance one-liner under a workload and
# the enable/disable stress; the D corpus (test/d/providers/tst.syscall_*)
# checks arguments, return values, errno and predicates.
set -u
. "$(dirname "$0")/syscall.sh"

# ---- the listing -----------------------------------------------------------
$D -l -P syscall >$T/list 2>$T/list.err || bad "dtrace -l -P syscall failed: $(cat $T/list.err)"
# Lines: ID PROVIDER FUNCTION NAME (an empty module leaves four fields).
awk -v want="read openat getppid write close execve exit_group newuname" '
NR == 1 { next }
NF != 4 || $2 != "syscall" || ($4 != "entry" && $4 != "return") {
	odd++; if (odd <= 3) print "FAIL not ID syscall FUNC entry|return: " $0
	next
}
{ n++; if (seen[$3 ":" $4]++) { dup++; print "FAIL duplicate " $3 ":" $4 }; f[$3]++ }
END {
	if (!odd) print "ok " n " probes, all syscall::FUNC:entry|return with an empty module"
	if (!dup) print "ok no duplicate probe"
	for (k in f) { nf++; if (f[k] != 2) { unp++; print "FAIL " k " lacks an entry+return pair" } }
	if (!unp) print "ok every function has an entry and a return probe (" nf " functions)"
	if (nf >= 300) print "ok at least 300 system calls"; else print "FAIL only " nf " system calls"
	split(want, w, " ")
	for (i in w) if (!seen[w[i] ":entry"] || !seen[w[i] ":return"]) { miss++; print "FAIL syscall::" w[i] ":entry/return not listed" }
	if (!miss) print "ok listed: " want
}' $T/list >$T/checks
cat $T/checks
grep -q '^FAIL' $T/checks && fail=1
# The kernel's own syscall trace events name the calls it has metadata for.
ev=
for d in /sys/kernel/tracing /sys/kernel/debug/tracing; do
	[ -d $d/events/syscalls ] && { ev=$d/events/syscalls; break; }
done
if [ -n "$ev" ]; then
	ls $ev | awk -v list=$T/list '
	BEGIN { while ((getline l < list) > 0) { split(l, a); if (a[2] == "syscall") ours[a[3]] = 1 } }
	sub(/^sys_enter_/, "") { ev[$0] = 1; if ($0 in ours) both++; else notours = notours " " $0 }
	END {
		for (k in ours) if (!(k in ev)) noev = noev " " k
		print "info: syscall trace events not ours:" (notours ? notours : " none") "; ours without an event:" (noev ? noev : " none")
		if (both >= 300) print "ok " both " names match the kernel'"'"'s syscall trace events"
		else print "FAIL only " both " of our names are kernel syscall events"
	}' >$T/ev
	cat $T/ev
	grep -q '^FAIL' $T/ev && fail=1
else
	echo "info: no tracefs syscall events to compare names with"
fi

# ---- attached only while enabled ---------------------------------------------------
[ "$(tracepoints)" = 0 ] && ok "no syscall probe enabled: syscall_tracepoints 0" ||
	bad "syscall_tracepoints '$(tracepoints)' with nothing enabled"
workload
$D -q -n 'BEGIN { printf("ready\n"); }' \
	-n 'syscall::getppid:entry, syscall::getppid:return /execname == "dtsyscall"/ { @[probename] = count(); }' \
	>$T/e.out 2>$T/e.err &
epid=$!
pids+=($epid)
for ((i = 0; i < 600; i++)); do
	grep -q ready $T/e.out 2>/dev/null && break
	kill -0 $epid 2>/dev/null || break
	sleep 0.1
done
[ "$(tracepoints)" = 2 ] && ok "getppid entry and return enabled: syscall_tracepoints 2" ||
	bad "syscall_tracepoints '$(tracepoints)' with getppid:entry and :return enabled ($(cat $T/e.err))"
"$H" getppid 3	# fires both, whatever the workload did meanwhile
kill -INT $epid
wait $epid
awk '$1 == "entry" && $2 > 0 { e = 1 } $1 == "return" && $2 > 0 { r = 1 } END { exit !(e && r) }' $T/e.out &&
	ok "getppid calls fired both" || bad "no firings: $(cat $T/e.out $T/e.err)"
[ "$(tracepoints)" = 0 ] && ok "after the consumer exited: syscall_tracepoints 0" ||
	bad "syscall_tracepoints '$(tracepoints)' after the consumer exited"
stop_workload

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

exit $fail
