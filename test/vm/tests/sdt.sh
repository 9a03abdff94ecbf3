# SPDX-License-Identifier: GPL-2.0
#
# sdt.sh - sourced by the sdt provider's guest tests (sdt.host.t,
# sdt-module.host.t): paths, helpers, cleanup; exits 77 (skip) when the
# module was built without the provider.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
S=/sys/kernel/debug/dtrace/status
T=$(mktemp -d /tmp/sdt.XXXXXX)
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
registered() { sed -n 's/^sdt_tracepoints_registered: //p' $S; }
# tracefs, where the kernel lists its trace events
TR=
for d in /sys/kernel/tracing /sys/kernel/debug/tracing; do
	[ -r $d/available_events ] && { TR=$d; break; }
done

if ! grep -q '^sdt_probes:' $S; then
	cfg=$(dirname "${DTRACE_TEST_MODULE:-/nonexistent}")/.config
	if grep -qs '^# CONFIG_DTRACE_PROVIDER_SDT is not set' "$cfg"; then
		echo "SKIP: module built without CONFIG_DTRACE_PROVIDER_SDT"
		exit 77
	fi
	bad "no sdt lines in $S: $(dmesg | grep -i sdt | tail -2)"
	exit 1
fi

# bg OUT PROGRAM...: dtrace -q in the background (pid in $bgpid), its
# output in OUT; returns once its BEGIN printed "ready" (30 s at most).
bg() {
	local out=$1 i=0
	shift
	$D -q -n 'BEGIN { printf("ready\n"); }' "$@" >"$out" 2>&1 &
	bgpid=$!
	pids+=($bgpid)
	while ! grep -qx ready "$out" && [ $i -lt 300 ]; do
		kill -0 $bgpid 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	grep -qx ready "$out" || { bad "consumer did not start: $(cat "$out")"; return 1; }
}

# sleeper: a `sleep 30` in the background (pid in $victim) that has
# exec'd sleep: a signal sent to the forked shell before its exec would run
# this script's EXIT trap there (bash runs it on SIGUSR2), killing the
# consumers and removing $T under the test.
sleeper() {
	local i=0

	sleep 30 &
	victim=$!
	pids+=($victim)
	while [ "$(cat /proc/$victim/comm 2>/dev/null)" != sleep ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
}
