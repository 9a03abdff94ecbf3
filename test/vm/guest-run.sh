#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest test runner (busybox sh, inside the VM, module already loaded).
#
#   guest-run.sh TESTDIR RESULTDIR      run every TESTDIR/*.t, sorted
#   guest-run.sh --hook SCRIPT RESULTDIR run one hook script
#
# TESTDIR and SCRIPT are host paths; the host root is at /host.
# NAME.host.t and hooks run chrooted into /host (dynamically linked host
# programs work there); other NAME.t run with the guest's busybox.
#
# Each test leaves RESULTDIR/NAME.result, written by result.sh (beside
# this script in the initramfs; test/vm/result.sh in the tree), which
# describes the format.  A hook may write more NAME.result files of its
# own into $DTRACE_TEST_RESULTS/t, listing their names in
# $DTRACE_TEST_RESULTS/t/expected first; the host fails each listed name
# without a result.
#
# Environment seen by tests: DTRACE_TEST_PLATFORM (native|xenpv),
# DTRACE_TEST_TCG (multi|single: QEMU's TCG threading, see test/vm/xmc),
# DTRACE_TEST_KVER, DTRACE_TEST_MODULE, DTRACE_TEST_SRCDIR,
# DTRACE_TEST_BINDIR (static helpers built by the host), DTRACE_TEST_RESULTS
# (the writable run directory), DTRACE_TEST_ROOT ("/host" when not chrooted,
# "" when chrooted: prefix for host paths).  Per-test timeout:
# VM_TEST_TIMEOUT (s, default 60; a test's own "# vm-timeout: N" line
# raises it for that test), hooks: VM_HOOK_TIMEOUT.

. /results/job.env
. "$(dirname "$0")/result.sh"

CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# run_one NAME MODE DIR PROG TIMEOUT RESULTDIR
run_one() {
	name=$1 mode=$2 dir=$3 prog=$4 tmo=$5 rdir=$6
	out=/tmp/run.out err=/tmp/run.err
	start=$(cut -d. -f1 /proc/uptime)
	if [ "$mode" = chroot ]; then
		root=
		set -- chroot /host /bin/sh -c 'cd "$1" && exec "$2"' sh "$dir" "$prog"
		path=$CHROOT_PATH
	else
		root=/host
		set -- sh -c 'cd "$1" && exec "$2"' sh "/host$dir" "$prog"
		path=/bin
	fi
	env PATH="$path" \
		DTRACE_TEST_ROOT="$root" \
		DTRACE_TEST_PLATFORM="$VM_PLATFORM" \
		DTRACE_TEST_TCG="${VM_TCG:-multi}" \
		DTRACE_TEST_KVER="$(uname -r)" \
		DTRACE_TEST_MODULE="$root$VM_MODULE" \
		DTRACE_TEST_SRCDIR="$root$VM_SRCDIR" \
		DTRACE_TEST_BINDIR="$root$VM_BINDIR" \
		DTRACE_TEST_RESULTS="$root$VM_RUNDIR" \
		timeout -s KILL "$tmo" "$@" </dev/null >$out 2>$err
	rc=$?
	end=$(cut -d. -f1 /proc/uptime)
	# busybox timeout execs PROG: a kill shows as 137 after TMO seconds
	[ $rc = 137 ] && [ $((end - start)) -ge "$tmo" ] && rc=124
	result_write "$rdir/$name.result" "$rc" $((end - start)) "$mode" $out $err
	echo "vm-test: $name exit $rc ($((end - start)) s)"
}

if [ "$1" = --hook ]; then
	hook=$2 rdir=$3
	mkdir -p "$rdir"
	run_one "hook.$(basename "$hook")" chroot "$(dirname "$hook")" "$hook" \
		"${VM_HOOK_TIMEOUT:-1800}" "$rdir"
	exit 0
fi

tdir=$1 rdir=$2
mkdir -p "$rdir"
for t in "/host$tdir"/*.t; do
	[ -e "$t" ] || continue
	name=$(basename "$t")
	case $name in
	*.host.t) mode=chroot ;;
	*) mode=busybox ;;
	esac
	# A test may ask for more than the default in its first lines,
	# "# vm-timeout: N" (N up to 300 s); VM_TEST_TIMEOUT, if larger, wins.
	tmo=${VM_TEST_TIMEOUT:-60}
	own=$(head -n 20 "$t" | sed -n 's/^# vm-timeout: \([0-9][0-9]*\).*/\1/p' | head -n 1)
	[ -n "$own" ] && [ "$own" -le 300 ] && [ "$own" -gt "$tmo" ] && tmo=$own
	run_one "$name" $mode "$tdir" "./$name" "$tmo" "$rdir"
done
exit 0
