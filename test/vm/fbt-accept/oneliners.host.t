#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 300
# Issue 8's acceptance one-liners other than fbt:::entry (accept.host.t
# runs that one and fbt::vfs_read), under the same workload, with their
# figures: syscall:::entry counted by function for 5 s; getppid counted
# exactly for a command that calls it 1000 times (-c, $target).  Run with
# accept.host.t (same directory, same command).
set -u
. "$(dirname "$0")/../tests/fbt.sh"
H=${DTRACE_TEST_BINDIR:-$DTRACE_TEST_SRCDIR/out/vm/bin}/dtsyscall
( while :; do cat /etc/passwd /etc/services >/dev/null; ls -R /usr/share/doc >/dev/null 2>&1
	$DD; done ) &
load=$!
trap 'kill $load 2>/dev/null' EXIT
sleep 1

echo "== dtrace -n 'syscall:::entry { @[probefunc] = count(); }' (5 s)"
bg /tmp/o1 -n 'syscall:::entry { @[probefunc] = count(); }'
sleep 5
kill -INT $bgpid; wait $bgpid
echo "the 8 most frequent of $(awk 'NF == 2' /tmp/o1 | wc -l) calls:"
awk 'NF == 2' /tmp/o1 | sort -k2 -n | tail -8
n=$(awk 'NF == 2 && ($1 == "read" || $1 == "getdents64" || $1 == "openat") { s += $2 } END { print s + 0 }' /tmp/o1)
[ "$n" -gt 0 ] && ok "read/getdents64/openat of the workload counted ($n)" || fail "no read/getdents64/openat counted"

echo "== dtrace -n 'syscall::getppid:entry /pid == \$target/ { @ = count(); }' -c '$H getppid 1000'"
$D -n 'syscall::getppid:entry /pid == $target/ { @ = count(); }' \
	-c "$H getppid 1000" >/tmp/o2 2>&1
rc=$?
cat /tmp/o2
got=$(awk 'NF == 1 { v = $1 } END { print v }' /tmp/o2)
[ $rc = 0 ] && [ "$got" = 1000 ] && ok "getppid counted exactly 1000 times" ||
	fail "getppid count '$got' (exit $rc), expected 1000"
kill $load
fbt_done
