# SPDX-License-Identifier: GPL-2.0
#
# testprov.sh - sourced by the guest tests that drive the dtrace_test
# provider (CONFIG_DTRACE_PROVIDER_TEST, debugfs dtrace/test; see
# gen/820-prov-test.c): provider.host.t and retain.host.t.  Set NAME
# (the temporary directory's prefix) before sourcing.  Exits 77 (skip)
# when the module has no test provider, 1 when it should have one.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
F=/sys/kernel/debug/dtrace/test
T=$(mktemp -d "/tmp/${NAME:-provtest}.XXXXXX")
pids=()
cleanup() {
	local p

	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

if [ ! -e $F ]; then
	cfg=$(dirname "${DTRACE_TEST_MODULE:-/nonexistent}")/.config
	if grep -qs '^CONFIG_DTRACE_PROVIDER_TEST=y' "$cfg"; then
		bad "no $F, but $cfg has CONFIG_DTRACE_PROVIDER_TEST=y"
		exit 1
	fi
	echo "SKIP: module built without CONFIG_DTRACE_PROVIDER_TEST (make test.config)"
	exit 77
fi

# cmd COMMAND...: one write; its status is the write's
cmd() { echo "$*" 2>/dev/null >$F; }
# expect_cmd DESC STATUS COMMAND...: 0 = must succeed, 1 = must fail
expect_cmd() {
	local desc=$1 want=$2 got=0
	shift 2
	cmd "$@" || got=1
	if [ $got = "$want" ]; then ok "$desc"; else bad "$desc ('$*' status $got)"; fi
}
field() { sed -n "s/^$1: //p" $F; }
# wait_for FILE REGEX: up to 60 s for a consumer to print its BEGIN line
wait_for() {
	local i
	for ((i = 0; i < 600; i++)); do
		grep -qE "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
# consumer NAME DESC [ARGS...]: start dtrace ARGS (default: -q -s $T/NAME.d)
# in the background, output in $T/NAME.out and $T/NAME.err, and wait for it
# to print "ready" (its BEGIN clause); its PID is left in $cpid.
consumer() {
	local name=$1 desc=$2
	shift 2
	[ $# -gt 0 ] || set -- -q -s "$T/$name.d"
	# 10hz: records of probes fired later arrive within 0.1 s, not the
	# default second (wait_for polls for them)
	$D -x switchrate=10hz "$@" >"$T/$name.out" 2>"$T/$name.err" &
	cpid=$!
	pids+=($cpid)
	wait_for "$T/$name.out" ready && ok "$desc started" ||
		bad "$desc did not start: $(cat "$T/$name.err")"
}
# probe_id NAME / probe_state NAME: from the provider's file
probe_id() { sed -n "s/^probe: $1 \([0-9]*\) .*/\1/p" $F; }
probe_state() { sed -n "s/^probe: $1 [0-9]* //p" $F; }
