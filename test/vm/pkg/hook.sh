# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# hook.sh - sourced by the VM hooks of the package and upgrade tests
# (pkg.hook.sh, test/vm/upgrade/*.hook.sh): a DKMS build of both platform
# variants takes minutes in a TCG guest (over 5 natively, 2026-12-03), more
# than a test's 300 s limit, so these tests run as hooks (VM_HOOK_TIMEOUT,
# 1800 s by default), each writing one result as a test would.
#
# hook_run NAME PROGRAM: list NAME in $DTRACE_TEST_RESULTS/t/expected, run
# PROGRAM, write NAME.result (test/vm/result.sh).
hook_run() {
	local name=$1 prog=$2 res=$DTRACE_TEST_RESULTS/t rc t0=$SECONDS
	. "$DTRACE_TEST_SRCDIR/test/vm/result.sh"
	result_expect "$res" "$name"
	"$prog" </dev/null >"/tmp/$name.out" 2>"/tmp/$name.err"
	rc=$?
	result_write "$res/$name.result" $rc $((SECONDS - t0)) chroot "/tmp/$name.out" "/tmp/$name.err"
	echo "$name: exit $rc ($((SECONDS - t0)) s)"
	return 0
}
