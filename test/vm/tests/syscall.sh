# SPDX-License-Identifier: GPL-2.0
#
# syscall.sh - sourced by the syscall provider's guest tests
# (syscall.host.t, syscall-load.host.t): paths, helpers, cleanup; exits 77
# (skip) when the module was built without the provider.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
H=${DTRACE_TEST_BINDIR:-$DTRACE_TEST_SRCDIR/out/vm/bin}/dtsyscall
S=/sys/kernel/debug/dtrace/status
T=$(mktemp -d /tmp/syscall.XXXXXX)
pids=()
cleanup() {
	local p

	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
tracepoints() { sed -n 's/^syscall_tracepoints: //p' $S; }

if ! $D -l -n 'syscall:::' >/dev/null 2>&1; then
	cfg=$(dirname "${DTRACE_TEST_MODULE:-/nonexistent}")/.config
	if grep -qs '^# CONFIG_DTRACE_PROVIDER_SYSCALL is not set' "$cfg"; then
		echo "SKIP: module built without CONFIG_DTRACE_PROVIDER_SYSCALL"
		exit 77
	fi
	bad "no syscall probes: $($D -l -n 'syscall:::' 2>&1 | tail -1)"
	exit 1
fi
[ -x "$H" ] || { bad "no helper $H"; exit 1; }

# workload: the helper's getppid bursts and a shell loop, in the background
workload() {
	"$H" spin 600 &
	pids+=($!)
	(while :; do cat /proc/self/stat >/dev/null; sleep 0.05; done) &
	pids+=($!)
}
stop_workload() {
	local p

	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
	wait 2>/dev/null
	pids=()
}
