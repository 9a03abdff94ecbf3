#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fbt acceptance and scale, under a workload (not part of every boot;
# run by hand, one configuration at a time, holding the VM lock):
#   flock /work/vm.lock make vm-fbt-scale KERNELS=6.1 PLATFORMS=native
# which is vmcheck with VMTESTS=test/vm/fbt-accept VMHOOK=none
# VM_REFUSE=0 VM_TEST_TIMEOUT=900 VM_TIMEOUT=1500 VM_ACCEL=tcg,thread=single
#  - fbt::vfs_read:entry,return counted;
#  - fbt:::entry { @[probefunc] = count(); }: probes enabled, seconds to
#    start (until BEGIN fired: every site is enabled then), the machine
#    usable meanwhile, exit restores everything;
#  - all of fbt:::entry enabled and disabled again three times under load;
#  - dtrace -l: time, and the module's memory for the fbt tables.
# VM_ACCEL=tcg,thread=single: QEMU 7.2's multi-threaded TCG (the default)
# can keep executing a stale translation of a patched ftrace site.  Seen
# on 6.1 native (2026-12-03, this test, QEMU monitor): both vCPUs looping
# update_curr+0x0 -> asm_exc_int3 -> exc_int3 -> iret -> update_curr+0x0
# with interrupts off, while memory at update_curr held the final
# "e8 .. call" to the ftrace trampoline: the vCPUs ran the int3 of
# text_poke_bp's first phase, which was no longer there, and the kernel's
# int3 handler ("int3 already removed: retry the instruction") sent them
# back to it forever.  A hang without any message (no soft lockup report:
# interrupts are off in the loop).  In an earlier run one vCPU looped the
# same way at __init_waitqueue_head+0x0 (a nop5 in memory again): soft
# lockup reports for 100 s.  With one host thread for both vCPUs the same
# test passes.  The kernel's own
# function tracer patches the same way (test/vm/fbt-kernel).
# Prints figures; fails only on wrong behaviour, never on time.
set -u
. "$(dirname "$0")/../tests/fbt.sh"
S=/sys/kernel/debug/dtrace/status
st() { awk -v k="$1:" '$1 == k { print $2 }' $S; }
now() { /usr/bin/date +%s.%N; }
el() { echo "$1 $2" | awk '{ printf("%.2f", $2 - $1) }'; }
# a section title, also in the kernel log (to place its messages)
say() { echo "== $*"; echo "fbt-accept: $*" >/dev/kmsg 2>/dev/null; }
# a figure, also in the kernel log (survives a test that never ends)
fig() { echo "$*"; echo "fbt-accept: $*" >/dev/kmsg 2>/dev/null; }

# the workload: reads, directory walks, process creation
( while :; do cat /etc/passwd /etc/services >/dev/null; ls -R /usr/share/doc >/dev/null 2>&1
	$DD; done ) &
load=$!
# a heartbeat in the kernel log every 10 s (where a stuck run stopped)
( while sleep 10; do
	echo "fbt-accept: heartbeat: sites $(st fbt_entry_sites_enabled), changes $(st fbt_filter_changes)" >/dev/kmsg 2>/dev/null
done ) &
beat=$!
trap 'kill $load $beat 2>/dev/null' EXIT
sleep 1

# the kernel's symbols beside the results (to read a hung guest's RIPs
# from the QEMU monitor; boot with nokaslr)
cp /proc/kallsyms "${DTRACE_TEST_RESULTS:-/tmp}/kallsyms" 2>/dev/null
text0=$(peek vfs_read)
slab0=$(awk '/^Slab:/ { print $2 }' /proc/meminfo)

say "dtrace -n 'fbt::vfs_read:entry,fbt::vfs_read:return { @[probename] = count(); }' (5 s)"
bg /tmp/a1 -n 'fbt::vfs_read:entry,fbt::vfs_read:return { @[probename] = count(); }'
sleep 5
kill -INT $bgpid; wait $bgpid
cat /tmp/a1
e=$(awk '$1 == "entry" { print $2 }' /tmp/a1); r=$(awk '$1 == "return" { print $2 }' /tmp/a1)
[ "${e:-0}" -gt 0 ] && [ "${r:-0}" -gt 0 ] && ok "vfs_read entry $e, return $r" || fail "vfs_read counts: $e $r"

say "dtrace -n 'fbt:::entry { @[probefunc] = count(); }'"
# started = its BEGIN fired, which is after every entry site is enabled
c0=$(st fbt_filter_changes); m0=$(st fbt_filter_change_ms)
t0=$(now)
$D -n 'BEGIN { trace("ready"); } fbt:::entry { @[probefunc] = count(); }' \
	-o /tmp/a2 2>/tmp/a2.err &
pid=$!
i=0
while ! grep -q ready /tmp/a2 2>/dev/null && [ $i -lt 6000 ]; do
	kill -0 $pid 2>/dev/null || break
	sleep 0.1; i=$((i + 1))
done
t1=$(now)
say "started"
fig "started in $(el $t0 $t1) s: probes_enabled $(st probes_enabled), entry sites $(st fbt_entry_sites_enabled) of $(st fbt_sites)"
fig "ftrace filter changes $(($(st fbt_filter_changes) - c0)) of up to $(st fbt_chunk) sites, $(($(st fbt_filter_change_ms) - m0)) ms in them, longest so far $(st fbt_filter_change_max_ms) ms"
[ "$(st fbt_entry_sites_enabled)" -gt 10000 ] && ok "more than 10000 entry sites enabled" || fail "entry sites: $(st fbt_entry_sites_enabled)"
u0=$(now); ls -l / >/dev/null; $DD; u1=$(now)
fig "machine usable: ls + dd took $(el $u0 $u1) s while all entries fire"
sleep 10
t2=$(now)
c0=$(st fbt_filter_changes); m0=$(st fbt_filter_change_ms)
say "stopping"
kill -INT $pid; wait $pid; rc=$?
t3=$(now)
fig "exit took $(el $t2 $t3) s, status $rc; $(($(st fbt_filter_changes) - c0)) filter changes, $(($(st fbt_filter_change_ms) - m0)) ms in them"
[ $rc -eq 0 ] && ok "dtrace exited 0" || fail "dtrace exit status $rc: $(cat /tmp/a2.err)"
cat /tmp/a2.err
echo "lines of output: $(wc -l </tmp/a2); the 10 most frequent:"
sort -k2 -n /tmp/a2 | tail -10
n=$(awk 'NF == 2 && $2 > 0' /tmp/a2 | wc -l)
fig "functions counted: $n"
[ "$n" -gt 1000 ] && ok "more than 1000 functions counted" || fail "functions counted: $n"
echo "recursion_drops $(st recursion_drops)"
[ "$(st fbt_entry_sites_enabled)" = 0 ] && ok "entry sites all off" || fail "entry sites left: $(st fbt_entry_sites_enabled)"
[ "$(peek vfs_read)" = "$text0" ] && ok "vfs_read text restored" || fail "vfs_read text differs"

say "fbt:::entry enabled and disabled 3 times under load"
for n in 1 2 3; do
	say "round $n"
	t0=$(now)
	$D -q -n 'fbt:::entry { @ = count(); } tick-1s { exit(0); }' >/tmp/a3 2>&1
	rc=$?
	t1=$(now)
	fig "round $n: $(el $t0 $t1) s, status $rc, count $(tr -d ' \n' </tmp/a3)"
	[ $rc -eq 0 ] || fail "round $n: $(cat /tmp/a3)"
done
[ "$(st fbt_entry_sites_enabled)" = 0 ] && ok "entry sites all off" || fail "entry sites left"
[ "$(peek vfs_read)" = "$text0" ] && ok "vfs_read text restored" || fail "vfs_read text differs"

say "dtrace -l"
t0=$(now); n=$($D -l | wc -l); t1=$(now)
fig "dtrace -l: $n lines in $(el $t0 $t1) s"
t0=$(now); n=$($D -l | wc -l); t1=$(now)
fig "dtrace -l again: $n lines in $(el $t0 $t1) s"
slab1=$(awk '/^Slab:/ { print $2 }' /proc/meminfo)
fig "fbt functions $(st fbt_functions), sites $(st fbt_sites), probes $(st fbt_probes)"
fig "memory: function table $(st fbt_table_bytes) bytes, probes $(st fbt_probe_bytes) bytes (struct dtrace_probe x probes), slab grew $((slab1 - slab0)) kB"
kill $load $beat
fbt_done
