#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# storm.sh - the module under load, for STORM_SECONDS (default 10): run by
# tests/storm-short.host.t in every boot of make check and by
# storm/storm.host.t (`make storm`, minutes).  Meanwhile:
#   - one consumer holds the device for the whole storm (syscall counts);
#   - four workers start heavy consumers (syscall entry/return with
#     aggregations, thread-locals and strings; every syscall's entry with
#     stack keys; BEGIN/END with big strsize; tick-N where it is safe)
#     and kill -9 them after 0..2.9 s: while they compile, enable or
#     fire;
#   - a worker opens and closes the device in a loop (dtrace -l);
#   - rmmod is tried every second: it must be refused each time;
#   - the system call load comes from the workers themselves.
# Afterwards: consumers, enabled probes and attached ECBs (status file)
# back to their values before the storm, the module's vmalloc areas and
# bytes back to their values before the storm (/proc/vmallocinfo lines of
# [dtrace]), the device still there, and a normal consumer traces.
# Where the kernel tracks slab allocations (slub_debug=U, which make storm
# sets: /sys/kernel/debug/slab/*/alloc_traces), the module's live slab
# objects -- every allocation whose stack passes through the module, which
# also covers what the kernel allocates on its behalf (kprobes, tracepoint
# arrays) -- are counted too and must be back to their number before the
# storm: a leak of one object per consumer shows as hundreds.  dmesg is checked by the harness
# (BUG/WARNING/Oops; the test configuration has CONFIG_DTRACE_DEBUG, so a
# broken internal invariant is a WARNING too).
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
secs=${STORM_SECONDS:-10}
T=$(mktemp -d /tmp/storm.XXXXXX)
pids=
hold=
cleanup() {
	for p in $pids $hold; do
		kill -9 "$p" 2>/dev/null
	done
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
mod=$(basename "${DTRACE_TEST_MODULE:-dtrace.ko}" .ko)
st=/sys/kernel/debug/dtrace/status
[ -r $st ] || mount -t debugfs none /sys/kernel/debug 2>/dev/null
field() { sed -n "s/^$1: //p" $st; }
# the module's vmalloc areas and their bytes, in one read of vmallocinfo
vminfo() { awk -v m="[$mod]" 'index($0, m) { a++; n += $2 } END { print a + 0, n + 0 }' /proc/vmallocinfo; }
# the module's live slab objects and their bytes ("- -" without
# slub_debug=U).  alloc_traces lists locations: "  COUNT caller ...",
# then the location's stack, one function per line; a location is the
# module's if any of its lines names it.  vmap_area is left out: vfree()
# frees a vmalloc area's vmap_area lazily (the kernel purges them in
# batches, for fewer TLB flushes), and vminfo counts those areas exactly.
slabobjs() {
	ls /sys/kernel/debug/slab/*/alloc_traces >/dev/null 2>&1 || { echo "- -"; return; }
	awk -v m="[$mod]" -v out="${1:-}" '
		function flush() {
			if (hit) { n[cache] += c; d[cache " " caller " " where] += c }
			hit = 0; c = 0; where = ""; caller = ""
		}
		FNR == 1 { flush(); cache = FILENAME; sub("/alloc_traces$", "", cache); sub(".*/", "", cache) }
		cache == "vmap_area" { next }
		/^ *[0-9]+ / { flush(); c = $1; caller = $2 }
		index($0, m) {
			hit = 1
			for (i = 2; i <= NF && where == ""; i++)
				if ($i == m)
					where = $(i - 1)
		}
		END {
			flush()
			if (out != "") for (k in d) print k, d[k] > out
			for (k in n) {
				f = "/sys/kernel/slab/" k "/object_size"
				sz = 0
				if ((getline sz < f) <= 0) sz = 0
				objs += n[k]; bytes += n[k] * sz
			}
			print objs + 0, bytes + 0
		}' /sys/kernel/debug/slab/*/alloc_traces
}
# settle: wait for deferred frees (RCU callbacks, closing consumers, the
# probes dtrace_reap removed: dtrace_reap_work frees them after a grace
# period)
settle() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ "$(vminfo)" = "$1" ] && [ "$(field probes)" = "$base_probes" ] && break
		sleep 1
	done
	for i in 1 2 3; do
		[ "$(slabobjs)" = "$2" ] && break
		sleep 3
	done
}

# What stays once built, until rmmod, is built before the baseline: the
# fbt provider's table of the kernel's functions (dtrace(1) supplies it
# the first time a description could name an fbt probe, which a bare
# BEGIN or tick-1ms does: dt_fbt.c maybe_fbt) and the sdt probes of the
# syscalls group, which the storm was seen to provide (sdt and fbt probes
# are never reaped).
$D -l -n 'fbt::vfs_read:entry' -n 'sdt:syscalls::' >/dev/null 2>&1
read -r base_vm base_vmb < <(vminfo)
base_slab=$(slabobjs $T/slab.before)
base_cons=$(field consumers)
base_en=$(field probes_enabled)
base_ecb=$(field ecbs_attached)
base_probes=$(field probes)
echo "baseline: consumers $base_cons, probes $base_probes, probes enabled $base_en, ECBs $base_ecb, vmalloc areas $base_vm ($base_vmb bytes), slab objects and bytes: $base_slab"

# the holder: keeps the module busy, so rmmod must always be refused
$D -q -n 'syscall:::entry { @n = count(); }' >$T/hold.out 2>$T/hold.err &
hold=$!

scripts=(
'syscall:::entry { self->t = timestamp; @c[execname, probefunc] = count(); }
 syscall:::return /self->t/ { @q[probefunc] = quantize(timestamp - self->t); self->t = 0; }'
'syscall:::entry { @s[stack(), probefunc] = count(); @m[execname] = max(arg0); }'
'BEGIN { s = "storm"; } syscall::*read*:entry { x[execname, tid] = timestamp; @l[strjoin(s, execname)] = count(); }
 syscall::*read*:return /x[execname, tid]/ { @r[probefunc] = avg(timestamp - x[execname, tid]); x[execname, tid] = 0; }'
)
[ "${DTRACE_TEST_PLATFORM:-native}" = xenpv ] ||
	scripts+=('tick-1ms { @t[cpu] = count(); } syscall:::entry { @e = count(); }')
opts=("" "-x strsize=4096" "-x bufsize=64k -x aggsize=64k" "-x dynvarsize=64k")

worker() {
	local w=$1 n=0 p s o
	local end=$(( $(cut -d. -f1 /proc/uptime) + secs ))
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ]; do
		s=${scripts[$(( (w + n) % ${#scripts[@]} ))]}
		o=${opts[$(( n % ${#opts[@]} ))]}
		# shellcheck disable=SC2086
		$D -q $o -n "$s" >/dev/null 2>>$T/w$w.err &
		p=$!
		sleep $(( RANDOM % 3 )).$(( RANDOM % 10 ))
		kill -9 $p 2>/dev/null
		wait $p 2>/dev/null
		n=$((n + 1))
	done
	echo $n >$T/w$w.n
}
opener() {
	local n=0 end=$(( $(cut -d. -f1 /proc/uptime) + secs ))
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ]; do
		$D -l -n 'dtrace:::BEGIN' >/dev/null 2>>$T/o.err || echo "open $n failed" >>$T/o.bad
		n=$((n + 1))
	done
	echo $n >$T/o.n
}
for w in 1 2 3 4; do
	worker $w &
	pids="$pids $!"
done
opener &
pids="$pids $!"

rm_ok=0 rm_refused=0 peak_vm=0 peak_vmb=0
end=$(( $(cut -d. -f1 /proc/uptime) + secs ))
while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ]; do
	if rmmod "$mod" >/dev/null 2>&1; then
		rm_ok=$((rm_ok + 1))
		insmod "$DTRACE_TEST_MODULE"
	else
		rm_refused=$((rm_refused + 1))
	fi
	read -r v vb < <(vminfo)
	[ "$v" -gt $peak_vm ] && peak_vm=$v
	[ "$vb" -gt $peak_vmb ] && peak_vmb=$vb
	sleep 1
done
wait $pids 2>/dev/null
pids=

[ $rm_ok = 0 ] && [ $rm_refused -gt 0 ] && ok "rmmod refused $rm_refused times while busy" ||
	bad "rmmod succeeded $rm_ok times ($rm_refused refused) while a consumer held the device"
kill -0 $hold 2>/dev/null && ok "the holding consumer survived the storm" ||
	bad "the holding consumer died: $(cat $T/hold.err)"
kill -INT $hold
wait $hold
rc=$?
hold=
[ $rc = 0 ] && ok "holding consumer exits 0 on SIGINT" || bad "holding consumer status $rc: $(cat $T/hold.err)"
runs=$(cat $T/w*.n 2>/dev/null | awk '{ n += $1 } END { print n + 0 }')
echo "storm: $secs s, consumers started and killed: $runs, device opens: $(cat $T/o.n 2>/dev/null), module vmalloc areas at most $peak_vm"
[ -s $T/o.bad ] && bad "device opens failed: $(head -3 $T/o.bad) $(head -3 $T/o.err)" || ok "every open/close of the device worked"
# a killed consumer may have been refused for a reason worth seeing
grep -hv -e '^$' $T/w*.err 2>/dev/null | sort | uniq -c | sort -rn | head -5 | sed 's/^/  worker messages: /'

# the device works: a normal consumer (its ENABLE also reaps what killed
# consumers' compilations provided, dtrace_reap)
[ -c /dev/dtrace ] && ok "/dev/dtrace there" || bad "/dev/dtrace gone"
$D -q -n 'BEGIN { printf("fine\n"); exit(0); }' >$T/out 2>$T/err
[ "$(cat $T/out)" = fine ] && ok "a normal consumer works after the storm" ||
	bad "consumer after the storm: $(cat $T/out $T/err)"

# the module's state is back to where it was
n=0
while [ "$(field consumers)" != "$base_cons" ] && [ $n -lt 50 ]; do
	sleep 0.1
	n=$((n + 1))
done
[ "$(field consumers)" = "$base_cons" ] && ok "consumers back to $base_cons" ||
	bad "consumers: $(field consumers), before $base_cons"
[ "$(field probes_enabled)" = "$base_en" ] && [ "$(field ecbs_attached)" = "$base_ecb" ] &&
	ok "probes enabled and ECBs attached back to $base_en, $base_ecb" ||
	bad "probes_enabled $(field probes_enabled), ecbs_attached $(field ecbs_attached), before $base_en, $base_ecb"
settle "$base_vm $base_vmb" "$base_slab"
read -r vm vmb < <(vminfo)
[ "$vm" = "$base_vm" ] && [ "$vmb" = "$base_vmb" ] &&
	ok "module vmalloc areas back to $base_vm ($base_vmb bytes)" ||
	bad "module vmalloc areas: $vm ($vmb bytes), before $base_vm ($base_vmb bytes)"
slab=$(slabobjs)
probes=$(field probes)
[ "$probes" = "$base_probes" ] && ok "registered probes back to $base_probes" ||
	bad "registered probes: $probes (fbt $(field fbt_probes), sdt $(field sdt_probes)), before $base_probes"
echo "memory: vmalloc $base_vm areas $base_vmb bytes before, $vm areas $vmb bytes after (peak $peak_vm areas $peak_vmb bytes); slab objects+bytes $base_slab before, $slab after"
if [ "$base_slab" != "- -" ]; then
	[ "$slab" = "$base_slab" ] && ok "module slab objects back to ${base_slab% *} (${base_slab#* } bytes)" || {
		bad "module slab objects and bytes: $slab, before $base_slab"
		slabobjs $T/slab.after >/dev/null
		# cache, allocating function, the module's frame nearest it,
		# live objects
		diff <(sort $T/slab.before) <(sort $T/slab.after) | grep '^[<>]' | head -40
	}
fi
exit $fail
