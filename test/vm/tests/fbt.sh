# SPDX-License-Identifier: GPL-2.0
# Shared by the fbt*.host.t tests (sourced): the dtrace(1) under test, a
# dd that reads 1234 bytes once, pass/fail counting.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=/sys/kernel/debug/tracing
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
DD="dd if=/dev/zero of=/dev/null bs=1234 count=1 status=none"
# the first 16 bytes of function $1 (its address from /proc/kallsyms)
peek() {
	local a
	a=$(awk -v f="$1" '$3 == f && $2 ~ /^[tT]$/ { print $1; exit }' /proc/kallsyms)
	$D -q -n "BEGIN { printf(\"%x %x\\n\", *(uint64_t *)0x$a, *(uint64_t *)(0x$a + 8)); exit(0); }" 2>&1
}
fbt_done() {
	grep -E '^(fbt_|probes|recursion)' /sys/kernel/debug/dtrace/status
	echo "$fails failures"
	[ $fails -eq 0 ]
}
# bg OUT PROGRAM...: dtrace -q in the background (pid in $bgpid), its
# output in OUT; returns once its BEGIN printed "ready" (60 s at most).
bg() {
	local out=$1 i=0
	shift
	$D -q -n 'BEGIN { printf("ready\n"); }' "$@" >"$out" 2>&1 &
	bgpid=$!
	while ! grep -qx ready "$out" && [ $i -lt 600 ]; do
		kill -0 $bgpid 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	grep -qx ready "$out" || { fail "consumer did not start: $(cat "$out")"; return 1; }
}
