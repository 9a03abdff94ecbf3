#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 180
#
# Many -n programs: dtrace(1) reports each description's own matches
# ("description 'D' matched N probes"), beyond the 64 clauses whose
# counts the module returns with the enabling (the others are counted by
# listing them), and a description past the 64th that matches nothing is
# refused as any other (D_PDESC_ZERO), not enabled silently.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/clauses.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

args=()
for i in $(seq 1 65); do
	args+=(-n "BEGIN /$i == 0/ { x = $i; }")
done
nread=$($D -l -n 'syscall::read*:entry' 2>/dev/null | tail -n +2 | wc -l)

# 65 BEGIN clauses, then syscall::read*:entry (the 66th), then one that
# ends the run
$D "${args[@]}" -n 'syscall::read*:entry /0/ { y = 1; }' \
	-n 'BEGIN { printf("begun\n"); exit(0); }' >$T/a.out 2>$T/a.err
rc=$?
grep matched $T/a.err | sort | uniq -c | sed 's/^/# /'
nb=$(grep -c "description 'BEGIN ' matched 1 probe$" $T/a.err)
[ $rc = 0 ] && grep -q begun $T/a.out && [ "$nb" = 66 ] && [ "$nread" -gt 0 ] &&
	grep -q "description 'syscall::read\*:entry ' matched $nread probes*$" $T/a.err &&
	ok "67 descriptions: 66 BEGIN lines matched 1, the 66th clause syscall::read*:entry $nread" ||
	bad "67 descriptions (exit $rc, $nb BEGIN lines): $(head -c 600 $T/a.err)"

# the 66th description matches nothing: refused, nothing runs
$D "${args[@]}" -n 'fbt::zz_no_such_function:entry { y = 1; }' \
	-n 'BEGIN { printf("begun\n"); exit(0); }' >$T/b.out 2>$T/b.err
rc=$?
cat $T/b.err | grep -v matched
[ $rc = 1 ] && ! grep -q begun $T/b.out &&
	grep -q "probe description fbt::zz_no_such_function:entry does not match any probes" $T/b.err &&
	ok "the 66th description matching nothing is refused" ||
	bad "66th description matching nothing (exit $rc): $(cat $T/b.out) $(grep -v matched $T/b.err)"
exit $fail
