#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# table.sh ROWS - print the benchmark table from bench.sh's rows file.
#
# ROWS: a "# ..." header line, then KEY|LABEL|GETPPID|READ|NOTE, where
# GETPPID and READ are ns per operation or "n/a (reason)" / "FAIL".
# Prints per row the cost of each operation, its overhead over the
# baseline (no module; "module loaded" when there is no baseline) and the
# ratio to the baseline; then each dtrace row's overhead as a ratio to the
# other tracers' overheads on the operation that row is about (read for
# fbt, getppid for syscall); then the rows' notes.
set -eu
[ $# = 1 ] && [ -r "$1" ] || { echo "usage: table.sh ROWS" >&2; exit 2; }

awk -F'|' '
function num(s) { return s ~ /^[0-9]+(\.[0-9]+)?$/ }
function cell(v, b) {
	if (!num(v))
		return sprintf("%9s %8s %6s", "", "", "")
	if (!num(b))
		return sprintf("%9.1f %8s %6s", v, "-", "-")
	return sprintf("%9.1f %+8.1f %6.2f", v, v - b, v / b)
}
# overhead of row k on operation op (2 = getppid, 3 = read)
function over(k, op) {
	if (!(k in row) || !num(val[k, op]) || !num(val[base, op]))
		return ""
	return val[k, op] - val[base, op]
}
# dtrace row d against tracer row t on operation op
function ratio(d, t, op,   a, b) {
	a = over(d, op); b = over(t, op)
	if (a == "" || b == "")
		return sprintf("%10s", "-")
	if (b <= 0)
		return sprintf("%10s", "(b<=0)")
	return sprintf("%10.2f", a / b)
}
/^#/ { hdr = substr($0, 3); next }
NF >= 4 {
	n++; key[n] = $1; row[$1] = n; label[$1] = $2
	val[$1, 2] = $3; val[$1, 3] = $4; note[$1] = $5
}
END {
	base = ("base" in row && num(val["base", 2]) && num(val["base", 3])) ? "base" : "loaded"
	printf "dtrace bench: %s\n", hdr
	printf "overhead and ratio against: %s\n\n", label[base]
	printf "%-46s %-25s %-25s\n", "", "getppid(2)", "read(2) 1 byte /dev/zero"
	printf "%-46s %9s %8s %6s %9s %8s %6s\n", "configuration", "ns/op", "+ns", "x", "ns/op", "+ns", "x"
	for (i = 1; i <= n; i++) {
		k = key[i]
		g = val[k, 2]; r = val[k, 3]
		if (!num(g) && g == r && g != "") {
			# one reason for both operations
			printf "%-46s %s\n", label[k], g
			continue
		}
		printf "%-46s %s %s", label[k],
			num(g) ? cell(g, val[base, 2]) : sprintf("%-25s", g),
			num(r) ? cell(r, val[base, 3]) : r
		printf "\n"
	}
	printf "\ndtrace overhead / other tracer overhead (same boot; read for fbt, getppid for syscall and sdt):\n"
	printf "%-34s %10s %10s %10s %10s %10s %10s\n", "", "kprobe-ev", "ftrace", "bpf-kprobe", "bpf-kfunc", "tp-event", "bpf-tp"
	printf "%-34s %s %s %s %s %10s %10s\n", "fbt entry count()",
		ratio("fbt", "kp", 3), ratio("fbt", "ftfn", 3), ratio("fbt", "btkp", 3), ratio("fbt", "btkf", 3), "-", "-"
	printf "%-34s %s %s %s %s %10s %10s\n", "fbt entry+return count() [1]",
		ratio("fbtret", "kpret", 3), ratio("fbtret", "ftgraph", 3), ratio("fbtret", "btkpret", 3), ratio("fbtret", "btkfret", 3), "-", "-"
	printf "%-34s %10s %10s %10s %10s %s %s\n", "syscall entry count()", "-", "-", "-", "-",
		ratio("sc", "tp", 2), ratio("sc", "bttp", 2)
	printf "%-34s %10s %10s %10s %10s %s %s\n", "syscall entry count(), on read [2]", "-", "-", "-", "-",
		ratio("sc", "tp", 3), ratio("sc", "bttp", 3)
	printf "%-34s %10s %10s %10s %10s %s %s\n", "sdt raw_syscalls:sys_enter [3]", "-", "-", "-", "-",
		ratio("sdt", "tprs", 2), ratio("sdt", "bttprs", 2)
	printf "[1] against kprobe+kretprobe events, function_graph, bpftrace kprobe+kretprobe, kfunc+kretfunc\n"
	printf "[2] a system call other than the probed one, against the same rows\n"
	printf "[3] getppid, against the raw_syscalls/sys_enter event and bpftrace tracepoint:raw_syscalls:sys_enter\n"
	printf "ratio < 1: dtrace costs less; \"-\": a row missing; (b<=0): the other tracer had no measurable overhead\n"
	nn = 0
	for (i = 1; i <= n; i++) {
		k = key[i]
		if (note[k] == "")
			continue
		if (!nn++)
			printf "\nnotes:\n"
		printf "  %-44s %s\n", label[k], note[k]
	}
}' "$1"
