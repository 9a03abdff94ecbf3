#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A build with a non-default /dev/dtrace mode and group, and a small limit
# of enabled probes (configs/devmode.config, built host-side by
# mk/devmode.mk as out/devmode-KREL-PLATFORM/dtrace.ko): the tested module
# is unloaded, the variant loaded, and then
#   - /dev/dtrace has mode 0660; with the node in group 4242 (what a udev
#     rule GROUP= does: the kernel creates device nodes root:root), a
#     member of group 4242 without capabilities can trace, a non-member
#     cannot open it, and even with the node opened up to everyone (0666)
#     the module refuses a non-member (EPERM: no CAP_SYS_ADMIN, not in
#     the group);
#   - a user namespace mapping gid 4242 onto an unprivileged user's own
#     gid does not make it a member (src/userns-open.c); a member is
#     refused destructive actions (-w: CAP_SYS_ADMIN), root is not;
#   - an enabling beyond the limit of 16 enabled probes per consumer is
#     refused with a message naming the limit, and a consumer within it
#     then works (nothing lost);
#   - a retained enabling (-Z) at the limit: probes created later beyond
#     it are not enabled for that consumer (the kernel log says so), the
#     ones within it record, and the consumer goes on;
#   - at most 20 profile and tick probes (CONFIG_DTRACE_PROFILE_MAX): an
#     enabling naming more new ones is refused naming the limit; probes
#     made on demand are freed once unused (30 named in turn all work,
#     one in use stays until its consumer is killed);
#   - retained clauses that match nothing (-Z) count one each toward the
#     limit of 16;
#   - at most 4 consumers at once (CONFIG_DTRACE_MAX_CONSUMERS): a fifth
#     open fails with EUSERS;
# then the tested module is loaded again.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
V=${DEVMODE_MODULE:-$DTRACE_TEST_SRCDIR/out/devmode-$DTRACE_TEST_KVER-$DTRACE_TEST_PLATFORM/dtrace.ko}
F=/sys/kernel/debug/dtrace/test
T=$(mktemp -d /tmp/devmode.XXXXXX)
chmod 755 $T
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
cpid=
restore() {
	[ -n "$cpid" ] && kill -9 $cpid 2>/dev/null && wait $cpid 2>/dev/null
	rmmod dtrace 2>/dev/null
	if insmod "$DTRACE_TEST_MODULE"; then
		echo "# tested module loaded again"
	else
		echo "FAIL could not load $DTRACE_TEST_MODULE again"
		exit 1
	fi
	rm -rf "$T"
}

if [ ! -f "$V" ]; then
	echo "FAIL no $V (make vm-prepare builds it: mk/devmode.mk)"
	exit 1
fi
rmmod dtrace || { echo "FAIL rmmod of the tested module"; exit 1; }
trap 'restore; exit $fail' EXIT
insmod "$V" || { bad "insmod $V"; exit 1; }
ok "variant loaded: $(grep -E '^dev_(mode|gid):' /sys/kernel/debug/dtrace/status | tr '\n' ' ')"

mode=$(stat -c %a /dev/dtrace)
[ "$mode" = 660 ] && ok "/dev/dtrace mode 0660" || bad "/dev/dtrace mode $mode"
chgrp 4242 /dev/dtrace

# as USER GROUPS: run dtrace as uid 65534 with these supplementary groups
as() {
	local groups=$1
	shift
	setpriv --reuid=65534 --regid=65534 --groups="$groups" \
		--inh-caps=-all --bounding-set=-all -- "$D" "$@"
}
as 4242 -q -n 'BEGIN { printf("member %d\n", uid); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx "member 65534" $T/out && ok "a member of group 4242 traces" ||
	bad "member: status $rc, $(cat $T/out $T/err)"
as 65534 -q -n 'BEGIN { exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] && grep -qi 'permission denied' $T/err &&
	ok "a non-member cannot open /dev/dtrace: $(cat $T/err)" ||
	bad "non-member: status $rc, $(cat $T/out $T/err)"
chmod 666 /dev/dtrace
as 65534 -q -n 'BEGIN { exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] && grep -qi 'not permitted' $T/err &&
	ok "with the node open to all, the module refuses a non-member: $(cat $T/err)" ||
	bad "non-member, mode 0666: status $rc, $(cat $T/out $T/err)"
# The group is the initial namespace's 4242: a user namespace in which an
# unprivileged user maps 4242 onto its own gid gains nothing.
out=$("$DTRACE_TEST_BINDIR/userns-open" 4242)
rc=$?
[ $rc = 0 ] && ok "gid 4242 of an unprivileged user namespace is not the group: $out" ||
	bad "user namespace trick: status $rc, $out"
chmod 660 /dev/dtrace
# Destructive actions need CAP_SYS_ADMIN, even for members of the group.
as 4242 -w -q -n 'BEGIN { chill(1); printf("chilled\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] && ! grep -q chilled $T/out && grep -q 'need CAP_SYS_ADMIN' $T/err &&
	ok "a member of group 4242 is refused -w: $(cat $T/err)" ||
	bad "member with -w: status $rc, $(cat $T/out $T/err)"
$D -w -q -n 'BEGIN { chill(1); printf("chilled\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx chilled $T/out && ok "root may use -w" ||
	bad "root with -w: status $rc, $(cat $T/out $T/err)"

# ---- the limit of enabled probes per consumer ----------------------------
# every profile probe, BEGIN and END: more than 16
n=$(( $($D -l -n 'profile:::' 2>/dev/null | tail -n +2 | wc -l) + 2 ))
$D -q -n 'profile::: { x = 1; }' -n 'BEGIN { exit(0); }' -n 'END { x = 2; }' \
	>$T/out 2>$T/err
rc=$?
[ "$n" -gt 16 ] && [ $rc = 1 ] && grep -q "$n enabled probes exceed the limit of 16" $T/err &&
	ok "$n enabled probes refused: $(cat $T/err)" ||
	bad "$n enabled probes: status $rc, $(cat $T/out $T/err)"
$D -q -n 'BEGIN { printf("fine\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx fine $T/out && ok "then a consumer within the limit works" ||
	bad "after the refusal: status $rc, $(cat $T/out $T/err)"

# ---- the retained-enabling limit ---------------------------------------------
# BEGIN and END are 2 enabled probes; lim1..lim14 make 16, lim15 and lim16
# are beyond the limit.
$D -Z -q -n 'BEGIN { printf("ready\n"); }' -n 'END { printf("end\n"); }' \
	-n 'dtrace_test:::lim* { printf("%s %d\n", probename, (int)arg0); }' \
	>$T/c.out 2>$T/c.err &
cpid=$!
while kill -0 $cpid 2>/dev/null && ! grep -qx ready $T/c.out; do
	sleep 0.2
done
grep -qx ready $T/c.out && ok "retained consumer started" || bad "retained consumer: $(cat $T/c.err)"
dmesg -C 2>/dev/null
for i in $(seq 1 16); do echo "add lim$i" >$F || bad "add lim$i"; done
for i in 1 14 15 16; do echo "fire lim$i $i" >$F || bad "fire lim$i"; done
dmesg | grep -q "probe dtrace_test:::lim15 not enabled for a consumer: limit of 16 enabled probes" &&
	ok "the kernel log names lim15, beyond the limit" || bad "no log line for lim15: $(dmesg | tail -5)"
sleep 1
kill -INT $cpid
wait $cpid
rc=$?
cpid=
[ $rc = 0 ] && grep -qx 'lim1 1' $T/c.out && grep -qx 'lim14 14' $T/c.out &&
	[ "$(grep -c '^lim' $T/c.out)" = 2 ] && grep -qx end $T/c.out &&
	ok "retained: lim1 and lim14 recorded, lim15 and lim16 not, END ran" ||
	bad "retained consumer: status $rc, $(cat $T/c.out $T/c.err)"
for i in $(seq 1 16); do echo "remove lim$i" >$F; done

# ---- the limit of profile and tick probes (CONFIG_DTRACE_PROFILE_MAX=20) ----
# Name one more new tick-N probe than the limit leaves room for: the
# enabling is refused on the first one beyond it, with a message naming the
# limit; the ones it made within the limit go again with it (no ECB holds
# them), so as many exist afterwards as before.
nprof() { $D -l -n 'profile:::' 2>/dev/null | tail -n +2 | wc -l; }
have=$(nprof)
args=()
for i in $(seq 1 $(( 20 - have + 1 ))); do
	args+=(-n "profile:::tick-$(( 300 + i ))ms { x = 1; }")
done
last=tick-$(( 300 + 20 - have + 1 ))ms
# (BEGIN exits at once should the enabling be accepted)
$D -q -n 'BEGIN { exit(0); }' "${args[@]}" >$T/out 2>$T/err
rc=$?
[ "$have" -le 20 ] && [ $rc != 0 ] &&
	grep -q "profile:::$last does not match any probes: the limit of 20 profile and tick probes is reached" $T/err &&
	ok "with $have profile probes, $(( 20 - have + 1 )) new ones refused at $last: $(cat $T/err)" ||
	bad "profile limit: $have before, status $rc, $(cat $T/out $T/err)"
now=$(nprof)
[ "$now" = "$have" ] && ok "the refused enabling's new probes are gone: $now profile and tick probes" ||
	bad "$now profile and tick probes exist after the refused enabling, $have before"
# Unused ones are freed: 30 new rates named one after the other (listing
# each one by name creates it) all exist while named, more than the limit
# in total, and none stays.
n=0
for i in $(seq 1 30); do
	$D -l -n "profile:::profile-$(( 1000 + i ))ms" 2>/dev/null |
		grep -q "profile-$(( 1000 + i ))ms\$" && n=$(( n + 1 ))
done
now=$(nprof)
[ $n = 30 ] && [ "$now" = "$have" ] &&
	ok "30 new profile probes named one after another, each created and freed again ($now exist)" ||
	bad "profile probes named one after another: $n of 30 listed, $now exist ($have before)"
# A probe in use stays, and counts, until its consumer is gone.
$D -q -n 'BEGIN { printf("ready\n"); }' -n 'profile:::tick-777ms { x = 1; }' \
	>$T/c.out 2>$T/c.err &
cpid=$!
while kill -0 $cpid 2>/dev/null && ! grep -qx ready $T/c.out; do
	sleep 0.2
done
inuse=$(nprof)
$D -l -n 'profile:::tick-777ms' 2>/dev/null | grep -q 'tick-777ms$' && listed=yes || listed=no
kill -9 $cpid 2>/dev/null
wait $cpid 2>/dev/null
cpid=
after=$(nprof)
[ "$inuse" = $(( have + 1 )) ] && [ $listed = yes ] && [ "$after" = "$have" ] &&
	ok "tick-777ms exists while a consumer enables it ($inuse probes), freed when it is killed ($after)" ||
	bad "tick-777ms in use: $inuse probes, listed $listed, $after after the consumer ($have before)"
$D -q -n "profile:::tick-301ms { printf(\"tick\n\"); exit(0); }" >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx tick $T/out && ok "a probe made within the limit fires" ||
	bad "tick-301ms: status $rc, $(cat $T/out $T/err)"

# ---- retained clauses that match nothing count toward the limit (-Z) -------
# BEGIN is one enabled probe; each dtrace_test:::nzN clause matches nothing
# and is kept (-Z): 15 of them make 16, 16 make 17, over the limit.
zargs() {
	local i
	for i in $(seq 1 "$1"); do printf -- "-n\ndtrace_test:::nz$i { x = 1; }\n"; done
}
mapfile -t z15 < <(zargs 15)
mapfile -t z16 < <(zargs 16)
$D -Z -q -n 'BEGIN { printf("ok\n"); exit(0); }' "${z15[@]}" >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx ok $T/out && ok "-Z: BEGIN and 15 clauses matching none fit in 16" ||
	bad "-Z with 15 empty clauses: status $rc, $(cat $T/out $T/err)"
$D -Z -q -n 'BEGIN { printf("ok\n"); exit(0); }' "${z16[@]}" >$T/out 2>$T/err
rc=$?
[ $rc != 0 ] && ! grep -q ok $T/out &&
	grep -q "1 enabled probes and 16 clauses that match none exceed the limit of 16" $T/err &&
	ok "-Z: BEGIN and 16 clauses matching none refused: $(cat $T/err)" ||
	bad "-Z with 16 empty clauses: status $rc, $(cat $T/out $T/err)"

# ---- at most 4 consumers at once (CONFIG_DTRACE_MAX_CONSUMERS=4) -----------
out=$(python3 -c '
import errno, os
fds = [os.open("/dev/dtrace", os.O_RDWR) for i in range(4)]
try:
    os.close(os.open("/dev/dtrace", os.O_RDWR))
    print("fifth opened")
except OSError as e:
    print("fifth:", errno.errorcode.get(e.errno, e.errno))
os.close(fds.pop())
try:
    os.close(os.open("/dev/dtrace", os.O_RDWR))
    print("after a close: opened")
except OSError as e:
    print("after a close:", errno.errorcode.get(e.errno, e.errno))
' 2>&1)
echo "$out" | grep -qx "fifth: EUSERS" && echo "$out" | grep -qx "after a close: opened" &&
	ok "4 consumers at once; the fifth open fails with EUSERS, then one closes and an open works" ||
	bad "consumer limit: $out"
$D -q -n 'BEGIN { printf("fine\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx fine $T/out && ok "then a consumer works" ||
	bad "after the consumer limit: status $rc, $(cat $T/out $T/err)"
exit $fail
