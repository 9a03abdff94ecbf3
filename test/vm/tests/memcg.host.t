#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Kernel memory a consumer makes the module allocate is charged to the
# consumer's memory cgroup (DTRACE_GFP_CONSUMER, gen/030-util.h).  In a
# cgroup v2 group with memory.max=96M:
#   - a running consumer with bufsize=8m raises the group's memory.current
#     by at least its principal buffers (2 x 8 MiB per CPU), and it drops
#     again when the consumer exits;
#   - a consumer asking for bufsize=64m (2 x 64 MiB per CPU, over the
#     group's limit) fails cleanly: dtrace(1) exits 1 saying memory, is not
#     OOM-killed, and a small consumer in the group works right after;
#   - the same bufsize=64m consumer outside the group works (the guest
#     has the memory: the refusal is the group's).
# Skips (77) if the guest kernel lacks cgroup2 or its memory controller.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/memcg.XXXXXX)
CG=$T/cg
G=$CG/dtrace-memcg
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
cpid=
cleanup() {
	[ -n "$cpid" ] && kill -9 $cpid 2>/dev/null && wait $cpid 2>/dev/null
	[ -d $G ] && rmdir $G 2>/dev/null
	umount $CG 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

if ! grep -qw cgroup2 /proc/filesystems; then
	echo "# the guest kernel has no cgroup2: skipped"
	exit 77
fi
mkdir -p $CG
mount -t cgroup2 none $CG || { bad "mount -t cgroup2"; exit 1; }
if ! grep -qw memory $CG/cgroup.controllers; then
	echo "# no memory controller in cgroup2 ($(cat $CG/cgroup.controllers)): skipped"
	exit 77
fi
echo +memory >$CG/cgroup.subtree_control 2>/dev/null
mkdir $G || { bad "mkdir $G"; exit 1; }
echo 96M >$G/memory.max || { bad "memory.max"; exit 1; }
[ -f $G/memory.swap.max ] && echo 0 >$G/memory.swap.max
ncpu=$(nproc)
echo "# $ncpu CPUs, $(grep -E '^MemAvailable:' /proc/meminfo)"

# in_group CMD...: run CMD inside the group
in_group() {
	sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' $G "$@"
}

# ---- a running consumer's buffers are charged to its group -------------------
before=$(cat $G/memory.current)
# (sh execs dtrace: $! is dtrace itself, which kill -9 must reach)
sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' $G \
	$D -q -x bufsize=8m -x aggsize=1m -x dynvarsize=1m \
	-n 'BEGIN { printf("ready\n"); }' -n 'tick-1s { x = 1; }' >$T/c.out 2>$T/c.err &
cpid=$!
while kill -0 $cpid 2>/dev/null && ! grep -qx ready $T/c.out; do
	sleep 0.2
done
during=$(cat $G/memory.current)
kill -9 $cpid 2>/dev/null
wait $cpid 2>/dev/null
cpid=
# (wait returned: the exit closed /dev/dtrace and freed the buffers)
after=$(cat $G/memory.current)
need=$(( 2 * 8 * 1024 * 1024 * ncpu ))
grep -qx ready $T/c.out && [ $(( during - before )) -ge $need ] &&
	ok "bufsize=8m consumer: group memory.current $before -> $during (+$(( (during - before) >> 20 )) MiB, at least $(( need >> 20 )) MiB of buffers), $after after it exits" ||
	bad "bufsize=8m consumer: memory.current $before -> $during, need +$need; $(cat $T/c.out $T/c.err)"
[ $(( during - after )) -ge $need ] &&
	ok "the buffers' charge goes when the consumer exits" ||
	bad "memory.current $during while running, $after after"

# ---- over the group's limit: a clean refusal --------------------------------
in_group $D -q -x bufsize=64m -n 'BEGIN { printf("started\n"); exit(0); }' \
	>$T/out 2>$T/err
rc=$?
[ $rc = 1 ] && ! grep -q started $T/out && grep -Eqi 'memory' $T/err &&
	ok "bufsize=64m x $ncpu CPUs in a 96M group refused: $(cat $T/err)" ||
	bad "bufsize=64m in the group: status $rc, $(cat $T/out $T/err)"
grep -E '^(oom|oom_kill) ' $G/memory.events | sed 's/^/# memory.events: /'
grep -qE '^oom_kill [1-9]' $G/memory.events &&
	bad "the group's OOM killer ran: $(cat $G/memory.events | tr '\n' ' ')"
in_group $D -q -x bufsize=1m -x aggsize=1m -x dynvarsize=1m \
	-n 'BEGIN { printf("fine\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx fine $T/out && ok "then a small consumer in the group works" ||
	bad "small consumer in the group: status $rc, $(cat $T/out $T/err)"

# ---- the same request outside the group works --------------------------------
$D -q -x bufsize=64m -n 'BEGIN { printf("started\n"); exit(0); }' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx started $T/out && ok "bufsize=64m outside the group works" ||
	bad "bufsize=64m outside the group: status $rc, $(cat $T/out $T/err)"
exit $fail
