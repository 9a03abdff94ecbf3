#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Work per firing is bounded when the enabling is made: the validator
# computes each clause's worst case (cost units, about 0.5 ns each) and
# refuses a clause above CONFIG_DTRACE_CLAUSE_COST_MAX (1000000 by
# default) with an error naming the clause, and a probe whose clauses
# together go above CONFIG_DTRACE_PROBE_COST_MAX (2000000).
#   - 8 string comparisons at strsize=65536 (4 * 65536 units each, over
#     2000000 together) in one predicate: refused, the message names clause
#     0 (dtrace:::BEGIN) and the limit; the same clause at the default
#     strsize (256) runs;
#   - three clauses on one probe, each 3 comparisons at strsize=65536
#     (about 790000 units each, under the clause limit): the third would
#     take the probe over 2000000 and is refused, naming the probe.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/cost.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

p='execname == "a1" || execname == "a2" || execname == "a3" || execname == "a4" ||
   execname == "a5" || execname == "a6" || execname == "a7" || execname != "a8"'
$D -q -x strsize=65536 -n "BEGIN /$p/ { printf(\"ran\\n\"); exit(0); }" >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] && ! grep -q ran $T/out &&
	grep -q 'clause 0 costs up to [0-9]* units a firing, over CONFIG_DTRACE_CLAUSE_COST_MAX=1000000 ([a-z]*:::BEGIN)' $T/err &&
	ok "expensive clause refused: $(cat $T/err)" ||
	bad "expensive clause: status $rc, out '$(cat $T/out)', err '$(cat $T/err)'"

$D -q -n "BEGIN /$p/ { printf(\"ran\\n\"); exit(0); }" >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx ran $T/out && ok "the same clause at strsize 256 runs" ||
	bad "cheap clause: status $rc, out '$(cat $T/out)', err '$(cat $T/err)'"

q='execname == "b1" || execname == "b2" || execname == "b3"'
$D -q -x strsize=65536 -n "BEGIN /$q/ { exit(1); }" -n "BEGIN /$q/ { exit(2); }" \
	-n "BEGIN /$q/ { exit(3); }" -n 'BEGIN { exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] &&
	grep -q 'clause 2 takes a probe to [0-9]* units a firing, over CONFIG_DTRACE_PROBE_COST_MAX=2000000 (dtrace:::BEGIN)' $T/err &&
	ok "clauses over the probe limit refused: $(cat $T/err)" ||
	bad "probe limit: status $rc, out '$(cat $T/out)', err '$(cat $T/err)'"

# Figure, not a check: how long a clause near the limit takes on this
# machine.  Two copyinstr() of a 65535-byte buffer and their comparison
# (about 530000 units, the worst case of that clause: the strings are
# equal to the end) at each write(2) of that buffer;
# the time from the entry probe to the return probe (the write of 65535
# bytes to /dev/null included).
cat >$T/w.py <<'EOP'
import os
fd = os.open('/dev/null', os.O_WRONLY)
for i in range(20):
    os.write(fd, b'x' * 65535)
EOP
$D -q -x strsize=65536 \
	-n 'syscall::write:entry /pid == $target && arg2 == 65535/ { self->ts = timestamp; }' \
	-n 'syscall::write:entry /self->ts/ { @eq = sum(copyinstr(arg1, 65535) == copyinstr(arg1, 65535)); }' \
	-n 'syscall::write:return /self->ts/ { @us = avg((timestamp - self->ts) / 1000); @mx = max((timestamp - self->ts) / 1000); self->ts = 0; }' \
	-n 'END { printa("equal %@d, ", @eq); printa("avg %@d us, ", @us); printa("max %@d us\n", @mx); }' \
	-c "python3 $T/w.py" >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -q 'equal 20, avg' $T/out &&
	ok "a clause of about 530000 units per firing (${DTRACE_TEST_PLATFORM:-?}): $(grep equal $T/out)" ||
	bad "near-limit clause: status $rc, out '$(cat $T/out)', err '$(cat $T/err)'"
exit $fail
