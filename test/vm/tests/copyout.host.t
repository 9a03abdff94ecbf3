#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# copyout()/copyoutstr() (destructive, -w) write into the current process:
#   - at syscall::write:entry of `echo hello`, copyoutstr("J", arg1, 1)
#     changes the buffer the process writes: it prints "Jello";
#   - in the exiting process (PF_EXITING set, its address space still
#     there), as the kernel's probe-write helper, the store is refused: an
#     fbt probe on a function do_exit calls between exit_signals() and
#     exit_mm() gets an "invalid address" ERROR and the clause stops.
set -u
D=${DTRACE:-$DTRACE_TEST_SRCDIR/out/cmd/dtrace}
T=$(mktemp -d /tmp/copyout.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
ok() { echo "ok $*"; }
bad() { echo "FAIL $*"; fail=1; }

$D -w -q -n 'syscall::write:entry /pid == $target && arg0 == 1/ { copyoutstr("J", arg1, 1); }' \
	-c '/bin/echo hello' >$T/out 2>$T/err
rc=$?
[ $rc = 0 ] && grep -qx Jello $T/out && ok "copyoutstr() into the writing process: $(cat $T/out)" ||
	bad "copyoutstr() at write: status $rc, $(cat $T/out $T/err)"

# Functions do_exit() calls after exit_signals() (PF_EXITING) and before
# exit_mm() drops the address space (or, exit_mm_release, inside it first).
fn=
for f in exit_mm_release taskstats_exit acct_collect exit_itimers; do
	if $D -l -n "fbt::$f:entry" >/dev/null 2>&1; then
		fn=$f
		break
	fi
done
if [ -z "$fn" ]; then
	bad "no fbt probe on exit_mm_release, taskstats_exit, acct_collect or exit_itimers"
	exit 1
fi
$D -w -q -n 'syscall::write:entry /pid == $target/ { self->buf = arg1; }' \
	-n "fbt::$fn:entry /pid == \$target && self->buf/ { copyoutstr(\"J\", self->buf, 1); printf(\"copied\\n\"); self->buf = 0; }" \
	-c '/bin/echo hello' >$T/out 2>$T/err
rc=$?
! grep -q copied $T/out && grep -q "fbt:vmlinux:$fn:entry): invalid address" $T/err &&
	ok "copyoutstr() in the exiting process at $fn refused: $(grep -m1 'invalid address' $T/err)" ||
	bad "copyoutstr() at exit ($fn): status $rc, $(cat $T/out $T/err)"
exit $fail
