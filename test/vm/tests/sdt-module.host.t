#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The sdt provider and modules: a module with trace events (nbd, group
# "nbd") loaded while sdt:nbd:: is enabled gains its probes at once (the
# retained enabling attaches them: a callback is registered on the new
# module's tracepoints); unloaded while they are enabled, its probes go
# (callbacks unregistered before the kernel checks the module's
# tracepoints are quiescent, a WARN otherwise, and panic_on_warn is on)
# and the consumer runs on.
set -u
. "$(dirname "$0")/sdt.sh"

ko=$(ls /lib/modules/$(uname -r)/kernel/drivers/block/nbd.ko* 2>/dev/null | head -1)
if [ -z "$ko" ] || grep -q '^nbd ' /proc/modules; then
	echo "SKIP: nbd.ko missing or already loaded"
	exit 77
fi
$D -l -n 'sdt:nbd::' >$T/l0 2>&1
grep -q nbd_ $T/l0 && bad "nbd probes before nbd is loaded: $(head -3 $T/l0)"
bg $T/mod.out -Z -n 'sdt:nbd:: { @[probename] = count(); }' \
	-n 'sdt:signal::signal_generate /arg0 == 12/ { printf("still %d\n", arg0); }' || exit 1
r0=$(registered)
insmod "$ko" nbds_max=1 || bad "insmod $ko"
$D -l -n 'sdt:nbd::' >$T/l1 2>&1
cat $T/l1
n1=$(awk 'NR > 1 && $2 == "sdt" && $3 == "nbd"' $T/l1 | wc -l)
[ "$n1" -ge 3 ] && ok "nbd's $n1 sdt probes appear on load" || bad "no sdt:nbd:: probes after insmod"
grep -qw nbd_header_sent $T/l1 && ok "sdt:nbd::nbd_header_sent listed" || bad "sdt:nbd::nbd_header_sent missing"
r1=$(registered)
[ "$r1" -ge $((r0 + n1)) ] && ok "callbacks registered on the new tracepoints ($r0 -> $r1)" ||
	bad "sdt_tracepoints_registered $r0 -> $r1 after loading nbd with sdt:nbd:: enabled ($n1 probes)"
rmmod nbd || bad "rmmod nbd"
[ "$(registered)" = "$r0" ] && ok "callbacks gone with the module" ||
	bad "sdt_tracepoints_registered $(registered) after rmmod (was $r0)"
$D -l -n 'sdt:nbd::' >$T/l2 2>&1
grep -q nbd_ $T/l2 && bad "nbd's probes survive rmmod: $(head -3 $T/l2)" || ok "probes gone with the module"
sleeper
kill -USR2 $victim
sleep 1
kill -INT $bgpid
wait $bgpid
cat $T/mod.out
grep -qx 'still 12' $T/mod.out && ok "consumer kept running after rmmod" || bad "consumer stopped after rmmod"
[ "$(registered)" = 0 ] && ok "consumer gone: sdt_tracepoints_registered 0" ||
	bad "sdt_tracepoints_registered '$(registered)' after the consumer exited"
grep '^sdt_' $S
exit $fail
