#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The ERROR work of one firing is bounded (dtrace_probe_errwork,
# gen/500-ecb.c): every clause of a firing may fault and each fault runs
# the consumer's dtrace:::ERROR clauses, so five cheap faulting BEGIN
# clauses would run an ERROR clause of ~790000 cost units (three string
# comparisons at strsize=65536, 262144 units each) five times, ~4 million
# units, twice CONFIG_DTRACE_PROBE_COST_MAX (2000000).  The module runs
# ERROR while the firing's ERROR work stays within that limit: twice here;
# all five faults are still reported (five error messages) and the
# consumer goes on to END.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/errwork.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

args=()
for i in 1 2 3 4 5; do
	args+=(-n "BEGIN { x$i = *(int *)0; }")
done
$D -q -x strsize=65536 "${args[@]}" -n 'BEGIN { exit(0); }' \
	-n 'dtrace:::ERROR { @e = count(); n = (execname == "a") + (execname == "b") + (execname == "c"); }' \
	-n 'END { printa("error-clauses %@d\n", @e); }' >$T/out 2>$T/err
rc=$?
nerr=$(grep -c 'invalid address' $T/err)
runs=$(sed -n 's/^error-clauses //p' $T/out)
echo "# status $rc, $nerr fault messages, ERROR clause ran ${runs:-?} times"
[ "$nerr" = 5 ] && ok "all five faults reported" || bad "$nerr fault messages: $(cat $T/err)"
[ "$runs" = 2 ] && ok "the ERROR clause ran twice (its work within the firing's ERROR budget), not five times" ||
	bad "the ERROR clause ran ${runs:-?} times: $(cat $T/out $T/err)"
# Cheap ERROR clauses are not cut: each of the five faults runs it.
$D -q "${args[@]}" -n 'BEGIN { exit(0); }' -n 'dtrace:::ERROR { @e = count(); }' \
	-n 'END { printa("error-clauses %@d\n", @e); }' >$T/out 2>$T/err
runs=$(sed -n 's/^error-clauses //p' $T/out)
[ "$runs" = 5 ] && ok "a cheap ERROR clause runs for each of the five faults" ||
	bad "cheap ERROR clause ran ${runs:-?} times: $(cat $T/out $T/err)"
exit $fail
