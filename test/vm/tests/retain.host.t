#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Retained enablings, through the dtrace_test provider (see
# provider.host.t and gen/820-prov-test.c): consumers started with -Z
# before their probes exist trace the probes created later (a probe added,
# removed and added again, the provider unregistered and registered
# again), with the right probe name, ID and clause, errors included; a
# probe that matches no clause gets no ECB; the provider's enable and
# disable balance.  The harness checks dmesg after the boot.
set -u
NAME=retain
. "$(dirname "$0")/testprov.sh"

cmd register		# provider.host.t leaves it registered; be sure
cmd remove 'late*'
cmd remove 'early*'
n_enable0=$(field enable) n_disable0=$(field disable)

# ---- consumers started before any probe they name exists ----------------
# A: a script, clauses in this order; the third faults on arg0 == 666.
cat >$T/a.d <<'EOD'
BEGIN { printf("ready\n"); }
dtrace_test:::late* { printf("%s %s %d\n", probeprov, probename, (int)arg0); }
dtrace_test:::late2 { printf("second %d\n", (int)arg0); }
dtrace_test:::late* /arg0 == 666/ { trace(*(int *)0); }
EOD
consumer a "consumer A" -Z -q -s $T/a.d
ca=$cpid
# B: -n, default output format (CPU, ID, FUNCTION:NAME).
consumer b "consumer B" -Z -n 'BEGIN { trace("ready"); }' -n 'dtrace_test:::late* { trace(arg0); }'
cb=$cpid
grep -qx "dtrace: description 'dtrace_test:::late\* ' matched 0 probes" $T/b.err &&
	ok "-Z: description matched 0 probes" || bad "B's messages: $(cat $T/b.err)"

# b_line ID NAME VALUE: B printed the record of probe ID with this value
b_line() { grep -qE "^ *[0-9]+ +$1 +:$2 +$3 *\$" $T/b.out; }

# ---- a probe created while they run -------------------------------------
expect_cmd "add late1" 0 add late1
expect_cmd "add early9 (matches no clause)" 0 add early9
id1=$(probe_id late1)
[ "$(probe_state late1)" = enabled ] && ok "late1 enabled by the retained enablings" ||
	bad "late1: $(cat $F)"
[ "$(probe_state early9)" = disabled ] && ok "early9 has no ECB" || bad "early9: $(cat $F)"
cmd fire early9 99
expect_cmd "fire late1" 0 fire late1 11
wait_for $T/a.out '^dtrace_test late1 11$' && ok "A traced late1" || bad "A: $(cat $T/a.out $T/a.err)"
wait_for $T/b.out ":late1 +11 *\$" && b_line "$id1" late1 11 &&
	ok "B traced late1 with its ID $id1" || bad "B: $(cat $T/b.out $T/b.err)"

# ---- a second probe: two clauses of A match it, in clause order ----------
expect_cmd "add late2" 0 add late2
id2=$(probe_id late2)
expect_cmd "fire late2" 0 fire late2 22
wait_for $T/a.out '^second 22$' && ok "A's second clause traced late2" || bad "A: $(cat $T/a.out)"
grep -A1 -x 'dtrace_test late2 22' $T/a.out | tail -1 | grep -qx 'second 22' &&
	ok "A's clauses ran in order" || bad "A's order: $(cat $T/a.out)"
wait_for $T/b.out ":late2 +22 *\$" && b_line "$id2" late2 22 && ok "B traced late2" ||
	bad "B: $(cat $T/b.out)"

# ---- a fault in a retained ECB: the error names the probe ----------------
expect_cmd "fire late1 666" 0 fire late1 666
wait_for $T/a.err "error on enabled probe ID [0-9]+ \\(ID $id1: dtrace_test:::late1\\): invalid address" &&
	ok "A reports the fault at late1" || bad "A's errors: $(cat $T/a.err)"

# ---- removed and added again while they run ------------------------------
expect_cmd "remove late1" 0 remove late1
expect_cmd "add late1 again" 0 add late1
id1b=$(probe_id late1)
[ "$(probe_state late1)" = enabled ] && ok "late1 enabled again" || bad "late1: $(cat $F)"
expect_cmd "fire the new late1" 0 fire late1 33
wait_for $T/a.out '^dtrace_test late1 33$' && ok "A traced the new late1" || bad "A: $(cat $T/a.out)"
wait_for $T/b.out ":late1 +33 *\$" && b_line "$id1b" late1 33 &&
	ok "B traced the new late1 (ID $id1b)" || bad "B: $(cat $T/b.out)"

# ---- the provider unregistered, registered again, a probe added ---------
expect_cmd "unregister while they run" 0 unregister
expect_cmd "register again" 0 register
expect_cmd "add late3" 0 add late3
id3=$(probe_id late3)
expect_cmd "fire late3" 0 fire late3 44
wait_for $T/a.out '^dtrace_test late3 44$' && ok "A traced late3 after re-registration" ||
	bad "A: $(cat $T/a.out)"
wait_for $T/b.out ":late3 +44 *\$" && b_line "$id3" late3 44 && ok "B traced late3" ||
	bad "B: $(cat $T/b.out)"
cmd add early8
[ "$(probe_state early8)" = disabled ] && ok "early8 has no ECB" || bad "early8: $(cat $F)"

# ---- the consumers end normally; nothing else was recorded ---------------
for p in $ca $cb; do
	kill -0 $p 2>/dev/null || bad "consumer $p died"
	kill -INT $p
	wait $p
	rc=$?
	[ $rc = 0 ] && ok "consumer $p ends normally" || bad "consumer $p exit status $rc"
done
grep -q 'early\| 99$\| 99 *$' $T/a.out $T/b.out && bad "early9 was recorded" || ok "early9 not recorded"
grep -q 'unknown enabled probe' $T/a.err $T/b.err && bad "unknown EPIDs: $(cat $T/a.err $T/b.err)" ||
	ok "every EPID known"
n=$(grep -c '^dtrace_test ' $T/a.out)
[ "$n" = 5 ] && ok "A: 5 records of the late probes" || bad "A: $n records: $(cat $T/a.out)"

# ---- exit() in a retained ECB ends the consumer ------------------------
consumer c "consumer C" -Z -q -n 'BEGIN { printf("ready\n"); }' \
	-n 'dtrace_test:::late* { printf("got %s\n", probename); exit(0); }'
cc=$cpid
expect_cmd "add late4" 0 add late4
expect_cmd "fire late4" 0 fire late4 1
wait $cc
rc=$?
[ $rc = 0 ] && grep -qx 'got late4' $T/c.out && ok "consumer C traced late4 and exited" ||
	bad "consumer C: status $rc, $(cat $T/c.out $T/c.err)"

# ---- the provider's operations balance ----------------------------------
expect_cmd "remove the late probes" 0 remove 'late*'
expect_cmd "remove the early probes" 0 remove 'early*'
n_enable=$(($(field enable) - n_enable0))
n_disable=$(($(field disable) - n_disable0))
[ $n_enable -ge 5 ] && [ $n_enable = $n_disable ] && ok "enable $n_enable = disable $n_disable" ||
	bad "enable $n_enable, disable $n_disable"
exit $fail
