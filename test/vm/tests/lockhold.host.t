#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-timeout: 120
#
# An enabling matches its clauses against the probes without holding the
# global lock (dtrace_match_scan, the match_unlocked module parameter): the
# same enabling, run with match_unlocked=0 (all under the lock, as before)
# and =1, matches the same probes (dtrace(1)'s "matched N probes" lines
# are identical) and records the same, and enable_lock_max_ns (the
# longest hold of the global lock by an enabling) is printed for both.
# The enabling: 20 retained (-Z) clauses that scan every probe and match
# none, fbt::vfs_*:entry with a false predicate, and BEGIN.  The figures
# are printed, not judged (no timing assertion).
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
P=/sys/module/dtrace/parameters
T=$(mktemp -d /tmp/lockhold.XXXXXX)
trap 'echo 1 >$P/match_unlocked 2>/dev/null; rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

[ -w $P/match_unlocked ] && [ -w $P/enable_lock_max_ns ] ||
	{ echo "FAIL no $P/match_unlocked or enable_lock_max_ns"; exit 1; }
[ "$(cat $P/match_unlocked)" = Y ] && ok "match_unlocked is on by default" ||
	bad "match_unlocked is $(cat $P/match_unlocked)"
echo "# $(grep -E '^probes:' /sys/kernel/debug/dtrace/status)"

args=()
for i in $(seq 1 20); do
	args+=(-n "fbt::zz_none_${i}_*:entry { x = 1; }")
done
# run MODE: the enabling with match_unlocked=MODE; $T/MODE.{out,err,ns}
run() {
	echo $1 >$P/match_unlocked
	echo 0 >$P/enable_lock_max_ns
	$D -Z "${args[@]}" -n 'fbt::vfs_*:entry /0/ { x = 2; }' \
		-n 'BEGIN { printf("begun\n"); exit(0); }' >$T/$1.out 2>$T/$1.err
	echo $? >$T/$1.rc
	cat $P/enable_lock_max_ns >$T/$1.ns
}
run 0
run 1
for m in 0 1; do
	[ "$(cat $T/$m.rc)" = 0 ] && grep -q 'begun$' $T/$m.out ||
		bad "match_unlocked=$m: status $(cat $T/$m.rc), $(cat $T/$m.out $T/$m.err)"
done
grep 'matched' $T/0.err >$T/0.m
grep 'matched' $T/1.err >$T/1.m
sum=$(sed -n 's/.* matched \([0-9]*\) probes*$/\1/p' $T/1.m | awk '{ s += $1 } END { print s + 0 }')
nvfs=$($D -l -n 'fbt::vfs_*:entry' 2>/dev/null | tail -n +2 | wc -l)
[ -s $T/1.m ] && cmp -s $T/0.m $T/1.m && [ "$nvfs" -gt 0 ] && [ "$sum" = $(( nvfs + 1 )) ] &&
	ok "both ways match the same: $sum probes ($nvfs fbt::vfs_*:entry and BEGIN)" ||
	bad "matches differ or are wrong: locked: $(cat $T/0.m | tr '\n' ';') unlocked: $(cat $T/1.m | tr '\n' ';')"
# each description's own count (22 -n programs: dtrace(1) compiles each
# with the earlier ones before it, whose statements are not its own)
nz=$(grep -c "description 'fbt::zz_none_[0-9]*_\*:entry ' matched 0 probes$" $T/1.m)
[ "$nz" = 20 ] && grep -q "description 'fbt::vfs_\*:entry ' matched $nvfs probes$" $T/1.m &&
	grep -q "description 'BEGIN ' matched 1 probe$" $T/1.m &&
	ok "each description's count is its own: 20 x 0, $nvfs for fbt::vfs_*:entry, 1 for BEGIN" ||
	bad "per-description counts ($nz of 20 zz_none lines say 0): $(cat $T/1.m | tr '\n' ';')"
echo "# longest hold of the global lock by the enabling: $(( $(cat $T/0.ns) / 1000 )) us all under the lock, $(( $(cat $T/1.ns) / 1000 )) us matching without it"
[ "$(cat $T/1.ns)" -gt 0 ] && ok "enable_lock_max_ns measured" || bad "enable_lock_max_ns is $(cat $T/1.ns)"
exit $fail
