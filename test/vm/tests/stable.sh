# SPDX-License-Identifier: GPL-2.0
#
# stable.sh - sourced by the proc, sched and io providers' guest tests
# (stable-*.host.t): paths, helpers, cleanup; exits 77 (skip) when the
# module was built without the providers.
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
S=/sys/kernel/debug/dtrace/status
T=$(mktemp -d /tmp/stable.XXXXXX)
pids=()
cleanup() {
	local p

	for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
	wait 2>/dev/null
	[ -z "${dev:-}" ] || rmmod null_blk 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }
# nullblk_up: load null_blk (one 1 GiB device, nullb0) and set dev to a
# block device node for it; on failure dev is empty, the reason in $T/mod.
# nullblk_down unloads it (cleanup does too).
dev=
nullblk_up() {
	local i=0

	modprobe null_blk nr_devices=1 gb=1 2>$T/mod || return 1
	while [ ! -e /sys/block/nullb0/dev ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	dev=/dev/nullb0
	if [ ! -b $dev ]; then
		dev=$T/nullb0
		mknod $dev b $(tr ':' ' ' </sys/block/nullb0/dev)
	fi
}
nullblk_down() {
	rmmod null_blk
	dev=
}
# registered PROVIDER: callbacks the provider has on tracepoints now
registered() { sed -n "s/^$1_tracepoints_registered: //p" $S; }

if ! grep -q '^proc_tracepoints_registered:' $S; then
	cfg=$(dirname "${DTRACE_TEST_MODULE:-/nonexistent}")/.config
	if grep -qs '^# CONFIG_DTRACE_PROVIDER_PROC is not set' "$cfg"; then
		echo "SKIP: module built without CONFIG_DTRACE_PROVIDER_PROC"
		exit 77
	fi
	bad "no proc lines in $S: $(dmesg | grep -i 'proc' | tail -2)"
	exit 1
fi
