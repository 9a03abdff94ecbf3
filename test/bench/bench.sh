#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh - the benchmark of `make bench` (mk/bench.mk), run inside a test
# VM chrooted into the host root (as *.host.t tests run), with dtrace.ko
# loaded by the harness.  Also run, with tiny counts, by make check's
# test/vm/tests/bench-smoke.host.t.
#
# Two operations are timed by bench-loop (test/bench/src/bench-loop.c):
# getppid(2), the cheapest system call, and read(2) of 1 byte from
# /dev/zero, which calls vfs_read() once and is otherwise cheap.  Each row
# sets up one tracing configuration, times both operations (best of K runs
# of N) and tears the configuration down again:
#
#   base      no module (rmmod dtrace; insmod again afterwards)
#   loaded    module loaded, nothing enabled
#   allfbt    after all of fbt (fbt:::entry) was enabled and disabled again
#   sc        dtrace syscall::getppid:entry { @ = count(); }
#   fbt       dtrace fbt::vfs_read:entry { @ = count(); }
#   fbtret    dtrace fbt::vfs_read:entry,fbt::vfs_read:return { @ = count(); }
#   kp        kprobe event on vfs_read (tracefs kprobe_events)
#   kpret     kprobe + kretprobe events on vfs_read
#   ftfn      function tracer filtered to vfs_read (set_ftrace_filter)
#   ftgraph   function_graph tracer filtered to vfs_read (entry and return)
#   tp        syscalls/sys_enter_getppid tracepoint event
#   btkp      bpftrace kprobe:vfs_read { @ = count(); }
#   btkpret   bpftrace kprobe:vfs_read,kretprobe:vfs_read { @ = count(); }
#   btkf      bpftrace kfunc:vfs_read { @ = count(); }   (BPF trampoline)
#   btkfret   bpftrace kfunc:vfs_read,kretfunc:vfs_read { @ = count(); }
#   bttp      bpftrace tracepoint:syscalls:sys_enter_getppid { @ = count(); }
#   sdt       dtrace sdt:raw_syscalls::sys_enter { @ = count(); }   (every
#             system call of every process: the same tracepoint as the
#             next two rows; the count is at least the operations driven)
#   tprs      raw_syscalls/sys_enter tracepoint event
#   bttprs    bpftrace tracepoint:raw_syscalls:sys_enter { @ = count(); }
#   end       module loaded, nothing enabled, at the end (noise check)
#
# A row that cannot run prints "n/a (reason)": "n/a (provider missing)" for
# a dtrace provider this module lacks.  Every tracer's own count of the
# firings is checked against the operations driven: a tracer that did not
# fire for each of them makes the row "FAIL" and bench.sh exit 1.
#
# Environment: BENCH_N (operations per run, 10000; Xen PV 1000), BENCH_K (runs, best
# taken, 100), BENCH_OUT (directory for rows.txt and table.txt, default
# $DTRACE_TEST_RESULTS/bench), BENCH_SMOKE=1 (make check: tiny counts, and
# fbt::vfs_*:entry instead of all of fbt, no unloading for the base row,
# no pauses, bpftrace n/a if not started within 30 s), BENCH_SETTLE (seconds
# of pause before each measurement, 1), BENCH_ROWS (only these row
# keys, plus base and loaded), DTRACE (the dtrace(1) binary), BENCH_LOOP
# (the bench-loop binary).  Prints the table (test/bench/table.sh) and
# leaves it in $BENCH_OUT/table.txt.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
D=${DTRACE:-$REPO/out/cmd/dtrace}
BL=${BENCH_LOOP:-$REPO/out/bench/bin/bench-loop}
# A system call costs 30 times more in a Xen PV guest under TCG (each one
# goes through the hypervisor and switches page tables): shorter runs there.
N=${BENCH_N:-}
if [ -z "$N" ]; then
	N=10000
	[ "${DTRACE_TEST_PLATFORM:-}" = xenpv ] && N=1000
fi
K=${BENCH_K:-100}
SMOKE=${BENCH_SMOKE:-0}
OUT=${BENCH_OUT:-${DTRACE_TEST_RESULTS:-/tmp}/bench}
FUNC=vfs_read
ALLFBT='fbt:::entry'
SETTLE=${BENCH_SETTLE:-1}
BTWAIT=120	# seconds for bpftrace to start (it compiles with LLVM)
if [ "$SMOKE" = 1 ]; then
	ALLFBT='fbt::vfs_*:entry'
	SETTLE=0
	BTWAIT=30
fi
export LC_ALL=C

mkdir -p "$OUT"
ROWS=$OUT/rows.txt
: >"$ROWS"
T=$(mktemp -d /tmp/bench.XXXXXX)
cpid=
fail=0

# bench-loop is built by make bench-prog (make vm-prepare); when it is
# missing or stale, compile it here (the chroot has the host's gcc)
if [ ! -x "$BL" ] || [ "$REPO/test/bench/src/bench-loop.c" -nt "$BL" ]; then
	echo "bench: $BL missing or stale: compiling it in $T" >&2
	BL=$T/bench-loop
	gcc -static -O2 -Wall -Werror -o "$BL" "$REPO/test/bench/src/bench-loop.c" ||
		{ echo "bench: cannot build bench-loop" >&2; exit 2; }
fi
[ -x "$D" ] || { echo "bench: no $D (make cmd)" >&2; exit 2; }

# tracefs: /sys/kernel/tracing, else under debugfs
TR=/sys/kernel/tracing
if [ ! -e $TR/kprobe_events ]; then
	mount -t tracefs nodev $TR 2>/dev/null || TR=/sys/kernel/debug/tracing
fi

# Pin the loop to the last CPU; consumers and the shell run where they like.
CPU=$(($(nproc) - 1))
# The TSC's ns per tick, once (bench-loop times its runs with the TSC):
# from the kernel's TSC frequency (cpu MHz), else calibrated against
# CLOCK_MONOTONIC, which under Xen PV in TCG drifts by tens of percent
MHZ=$(awk -F': *' '/^cpu MHz/ { print $2; exit }' /proc/cpuinfo)
if [[ "$MHZ" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
	SCALE=$(awk -v m="$MHZ" 'BEGIN { printf "%.9g", 1000 / m }')
	SCALEWHY="TSC $MHZ MHz (cpuinfo)"
	if [ "$SMOKE" != 1 ] && CAL=$("$BL" -C); then
		SCALEWHY="$SCALEWHY; against CLOCK_MONOTONIC $(awk -v c="$CAL" 'BEGIN { printf "%.1f", 1000 / c }') MHz"
	fi
else
	CAL=$("$BL" -C) || { echo "bench: bench-loop -C failed" >&2; exit 2; }
	SCALE=$CAL
	SCALEWHY="TSC $(awk -v c="$CAL" 'BEGIN { printf "%.1f", 1000 / c }') MHz (calibrated)"
fi
# Operations per bench-loop invocation: K timed runs plus the warm-up.
OPS=$((K * N + N / 10 + 1))

modname=
[ -n "${DTRACE_TEST_MODULE:-}" ] && modname=$(basename "$DTRACE_TEST_MODULE" .ko | tr - _)

tracefs_reset() {
	[ -e $TR/current_tracer ] || return 0
	echo 0 >$TR/events/enable 2>/dev/null
	echo nop >$TR/current_tracer 2>/dev/null
	: >$TR/set_ftrace_filter 2>/dev/null
	: >$TR/set_graph_function 2>/dev/null
	grep -q dtbench/ $TR/kprobe_events 2>/dev/null &&
		sed -n 's/^\([pr]\):\(dtbench\/[^ ]*\).*/-:\2/p' $TR/kprobe_events |
		while read -r l; do echo "$l" >>$TR/kprobe_events; done
	: >$TR/trace 2>/dev/null
	return 0
}

cleanup() {
	[ -n "$cpid" ] && kill -9 "$cpid" 2>/dev/null && wait "$cpid" 2>/dev/null
	tracefs_reset
	# the harness expects its module loaded when we are done
	if [ -n "$modname" ] && ! grep -q "^$modname " /proc/modules; then
		insmod "$DTRACE_TEST_MODULE"
	fi
	rm -rf "$T"
}
trap cleanup EXIT

# wait_for FILE REGEX SECONDS: until a consumer prints its ready line
wait_for() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		grep -qE "$2" "$1" 2>/dev/null && return 0
		[ -n "$cpid" ] && ! kill -0 "$cpid" 2>/dev/null && return 1
		sleep 0.1
	done
	return 1
}

# stop_consumer: SIGINT (dtrace and bpftrace print their aggregations and
# exit), SIGKILL if it is still there after 60 s; 1 if it had to be killed
stop_consumer() {
	local i rc=0
	kill -INT "$cpid" 2>/dev/null
	for ((i = 0; i < 600; i++)); do
		kill -0 "$cpid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$cpid" 2>/dev/null; then
		kill -9 "$cpid" 2>/dev/null
		rc=1
	fi
	wait "$cpid" 2>/dev/null
	cpid=
	return $rc
}

firstline() { tr '\n' ' ' <"$1" | sed 's/  */ /g' | cut -c1-"${2:-120}"; }

# measure: G and R (ns/op of getppid and read), or "n/a (...)"; first a
# pause for the deferred work of the last teardown (RCU, freeing BPF
# trampolines, kprobes) to finish: it ran on the loop's CPU otherwise
measure() {
	local o
	sleep "$SETTLE"
	if o=$("$BL" -n "$N" -k "$K" -c "$CPU" -s "$SCALE" getppid 2>&1); then
		G=$(awk '{ print $2 }' <<<"$o")
	else
		G="n/a (bench-loop: $o)"
		fail=1
	fi
	if o=$("$BL" -n "$N" -k "$K" -c "$CPU" -s "$SCALE" read 2>&1); then
		R=$(awk '{ print $2 }' <<<"$o")
	else
		R="n/a (bench-loop: $o)"
		fail=1
	fi
}

# A row: KEY|LABEL|GETPPID|READ|NOTE
record() {
	printf '%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" >>"$ROWS"
	printf 'bench: %3d s %-8s %-46s %s | %s %s\n' $((SECONDS - T0)) "$1" "$2" "$3" "$4" "${5:+ ($5)}" >&2
}
na() { record "$1" "$2" "n/a ($3)" "n/a ($3)" ""; }

# check_count WHAT COUNT MIN: the tracer's count of firings covers the
# operations driven; sets NOTE, and FAIL on a shortfall
check_count() {
	if ! [[ "$2" =~ ^[0-9]+$ ]]; then
		NOTE="FAIL: no count from $1"
		fail=1
	elif [ "$2" -lt "$3" ]; then
		NOTE="FAIL: $1 counted $2 < $3 operations driven"
		fail=1
	else
		NOTE="$1 counted $2"
	fi
}

want() {
	[ -z "${BENCH_ROWS:-}" ] && return 0
	case " base loaded $BENCH_ROWS " in *" $1 "*) return 0 ;; esac
	return 1
}

# ---- dtrace rows -----------------------------------------------------------
# The probes the rows use, listed once: dtrace(1) takes seconds to start
# in a Xen PV guest (it reads the kernel's symbols), tens of seconds on a
# busy host.  Unmatched descriptions are just left out of the listing.
"$D" -l -n syscall::getppid:entry -n "fbt::$FUNC:entry" -n "fbt::$FUNC:return" \
	-n sdt:raw_syscalls::sys_enter \
	>"$T/probes" 2>/dev/null

# probe_missing PROV:MOD:FUNC:NAME: prints the reason when it is not listed
# (an empty FUNC or NAME matches any)
probe_missing() {
	local prov func name
	IFS=: read -r prov _ func name <<<"$1"
	awk -v p="$prov" -v f="$func" -v n="$name" 'NR > 1 && $2 == p &&
		(f == "" || $(NF - 1) == f) && (n == "" || $NF == n) { m = 1 }
		END { exit !m }' "$T/probes" && return 1
	if awk -v p="$prov" 'NR > 1 && $2 == p { m = 1 } END { exit !m }' "$T/probes"; then
		echo "no probe $1"
	else
		echo "provider missing"
	fi
}

# dtrace_row KEY LABEL PROVIDER PROBE PROGRAM MINCOUNT
dtrace_row() {
	local key=$1 label=$2 prov=$3 probe=$4 prog=$5 min=$6 why count
	want "$key" || return 0
	if why=$(probe_missing "$probe"); then
		na "$key" "$label" "$why"
		return
	fi
	"$D" -q -n 'BEGIN { printf("bench-ready\n"); }' -n "$prog" \
		>"$T/dt.out" 2>"$T/dt.err" &
	cpid=$!
	if ! wait_for "$T/dt.out" bench-ready 120; then
		kill -9 "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null; cpid=
		record "$key" "$label" "FAIL" "FAIL" "dtrace did not start: $(firstline "$T/dt.err")"
		fail=1
		return
	fi
	measure
	stop_consumer || echo "bench: $key: dtrace did not exit on SIGINT" >&2
	count=$(awk 'NF == 1 && $1 ~ /^[0-9]+$/ { c = $1 } END { print c }' "$T/dt.out")
	check_count dtrace "$count" "$min"
	record "$key" "$label" "$G" "$R" "$NOTE"
}

# ---- kernel tracers (tracefs) ---------------------------------------------
# ring buffer events written since the last reset, all CPUs
rb_events() {
	cat $TR/per_cpu/cpu*/stats |
		awk '$1 == "entries:" || $1 == "overrun:" { n += $2 } END { print n + 0 }'
}

# tracefs_row KEY LABEL SETUP MINCOUNT: SETUP is a shell snippet run
# against tracefs; the count is the ring buffer's events
tracefs_row() {
	local key=$1 label=$2 setup=$3 min=$4 count
	want "$key" || return 0
	if [ ! -e $TR/current_tracer ]; then
		na "$key" "$label" "no tracefs"
		return
	fi
	tracefs_reset
	if ! (cd $TR && eval "$setup") 2>"$T/tr.err"; then
		tracefs_reset
		na "$key" "$label" "tracefs: $(firstline "$T/tr.err" 60)"
		return
	fi
	measure
	echo 0 >$TR/tracing_on
	count=$(rb_events)
	echo 1 >$TR/tracing_on
	tracefs_reset
	check_count "ring buffer" "$count" "$min"
	record "$key" "$label" "$G" "$R" "$NOTE"
}

# ---- bpftrace (the host's, Debian package) --------------------------------
# bpftrace_row KEY LABEL PROGRAM MINCOUNT
bpftrace_row() {
	local key=$1 label=$2 prog=$3 min=$4 bt count
	want "$key" || return 0
	if ! bt=$(command -v bpftrace); then
		na "$key" "$label" "bpftrace not installed: test/deps.sh"
		return
	fi
	"$bt" -e "BEGIN { printf(\"bench-ready\\n\"); } $prog" >"$T/bt.out" 2>"$T/bt.err" &
	cpid=$!
	if ! wait_for "$T/bt.out" bench-ready "$BTWAIT"; then
		kill -9 "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null; cpid=
		why=$(firstline "$T/bt.err" 80)
		na "$key" "$label" "bpftrace: ${why:-not ready after $BTWAIT s}"
		tracefs_reset
		return
	fi
	measure
	stop_consumer || echo "bench: $key: bpftrace did not exit on SIGINT" >&2
	count=$(sed -n 's/^@: *\([0-9]*\).*/\1/p' "$T/bt.out" | tail -n1)
	check_count bpftrace "$count" "$min"
	record "$key" "$label" "$G" "$R" "$NOTE"
}

# ---- the rows ---------------------------------------------------------------
T0=$SECONDS
tracefs_reset
# One untimed round first: the first measurement after boot runs slow
# (caches, page faults of a fresh binary, the boot's own work settling).
measure

if [ "$SMOKE" = 1 ]; then
	# make check: unloading and loading again takes tens of seconds in a
	# Xen PV guest on a busy host; the rows compare with "loaded"
	na base "no module (baseline)" "smoke run: module not unloaded"
elif [ -z "$modname" ]; then
	na base "no module (baseline)" "no DTRACE_TEST_MODULE to unload"
elif ! rmmod "$modname" 2>"$T/rmmod.err"; then
	na base "no module (baseline)" "rmmod: $(firstline "$T/rmmod.err" 60)"
else
	measure
	record base "no module (baseline)" "$G" "$R" ""
	insmod "$DTRACE_TEST_MODULE" 2>"$T/insmod.err" || {
		echo "bench: insmod $DTRACE_TEST_MODULE failed: $(firstline "$T/insmod.err")" >&2
		exit 1
	}
fi

measure
record loaded "module loaded, nothing enabled" "$G" "$R" ""

if want allfbt; then
	label="after $ALLFBT enabled+disabled"
	if why=$(probe_missing "fbt:::"); then
		na allfbt "$label" "$why"
	else
		t0=$(date +%s.%N)
		timeout 600 "$D" -n "$ALLFBT { @[probefunc] = count(); }" \
			-n 'tick-1s { exit(0); }' >"$T/all.out" 2>"$T/all.err"
		rc=$?
		t1=$(date +%s.%N)
		nprobes=$(sed -n 's/.*matched \([0-9]*\) probes\{0,1\}.*/\1/p' "$T/all.err" | head -n1)
		if [ $rc != 0 ]; then
			record allfbt "$label" FAIL FAIL "dtrace exit $rc: $(firstline "$T/all.err")"
			fail=1
		else
			measure
			record allfbt "$label" "$G" "$R" \
				"${nprobes:-?} probes, enable+1 s+disable took $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
		fi
	fi
fi

dtrace_row sc "dtrace syscall::getppid:entry count()" syscall \
	syscall::getppid:entry 'syscall::getppid:entry { @ = count(); }' "$OPS"
dtrace_row fbt "dtrace fbt::$FUNC:entry count()" fbt \
	"fbt::$FUNC:entry" "fbt::$FUNC:entry { @ = count(); }" "$OPS"
dtrace_row fbtret "dtrace fbt::$FUNC:entry+return count()" fbt \
	"fbt::$FUNC:return" "fbt::$FUNC:entry, fbt::$FUNC:return { @ = count(); }" $((2 * OPS))

tracefs_row kp "kprobe event on $FUNC" \
	"echo 'p:dtbench/kp_$FUNC $FUNC' >>kprobe_events && echo 1 >events/dtbench/enable" "$OPS"
tracefs_row kpret "kprobe+kretprobe events on $FUNC" \
	"echo 'p:dtbench/kp_$FUNC $FUNC' >>kprobe_events &&
	 echo 'r:dtbench/kr_$FUNC $FUNC' >>kprobe_events && echo 1 >events/dtbench/enable" $((2 * OPS))
tracefs_row ftfn "function tracer, filter $FUNC" \
	"echo $FUNC >set_ftrace_filter && echo function >current_tracer" "$OPS"
# function_graph writes an entry and a return event per call
tracefs_row ftgraph "function_graph tracer, filter $FUNC" \
	"echo $FUNC >set_ftrace_filter && echo function_graph >current_tracer" "$OPS"
tracefs_row tp "tracepoint event syscalls/sys_enter_getppid" \
	"echo 1 >events/syscalls/sys_enter_getppid/enable" "$OPS"

dtrace_row sdt "dtrace sdt:raw_syscalls::sys_enter count()" sdt \
	sdt:raw_syscalls::sys_enter 'sdt:raw_syscalls::sys_enter { @ = count(); }' "$OPS"
tracefs_row tprs "tracepoint event raw_syscalls/sys_enter" \
	"echo 1 >events/raw_syscalls/sys_enter/enable" "$OPS"

bpftrace_row btkp "bpftrace kprobe:$FUNC count()" \
	"kprobe:$FUNC { @ = count(); }" "$OPS"
bpftrace_row btkpret "bpftrace kprobe+kretprobe:$FUNC count()" \
	"kprobe:$FUNC, kretprobe:$FUNC { @ = count(); }" $((2 * OPS))
bpftrace_row btkf "bpftrace kfunc:$FUNC count()" \
	"kfunc:$FUNC { @ = count(); }" "$OPS"
bpftrace_row btkfret "bpftrace kfunc+kretfunc:$FUNC count()" \
	"kfunc:$FUNC, kretfunc:$FUNC { @ = count(); }" $((2 * OPS))
bpftrace_row bttp "bpftrace tracepoint sys_enter_getppid count()" \
	"tracepoint:syscalls:sys_enter_getppid { @ = count(); }" "$OPS"
bpftrace_row bttprs "bpftrace tracepoint raw_syscalls:sys_enter count()" \
	"tracepoint:raw_syscalls:sys_enter { @ = count(); }" "$OPS"

if want end; then
	measure
	record end "module loaded, nothing enabled (end)" "$G" "$R" ""
fi

{
	echo "# $(uname -r) ${DTRACE_TEST_PLATFORM:-?} $(nproc) CPUs; best of $K x $N per cell; bench-loop on CPU $CPU; $SCALEWHY; clocksource $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null)"
	cat "$ROWS"
} >"$OUT/rows.tmp" && mv "$OUT/rows.tmp" "$ROWS"
"$REPO/test/bench/table.sh" "$ROWS" | tee "$OUT/table.txt"
exit $fail
