# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# result.sh - the one writer of test result files, sourced by the guest's
# runner (guest-run.sh, busybox sh, from the initramfs), the VM hook
# (hook.host.t) and the D test runner (test/dtest/run.sh).  POSIX sh.
#
# A result file NAME.result (what test/vm/run.sh judges):
#   exit: N          0 pass, 77 skip, anything else fail (124 = timeout)
#   seconds: S
#   mode: busybox|chroot|dtest
#   --- stdout ---
#   ...
#   --- stderr ---
#   ...
# A hook that writes results of its own lists their names (NAME, without
# .result), one per line, in the file `expected` of the same directory
# before running them: the host fails every listed name without a result.

# result_write FILE EXIT SECONDS MODE STDOUT-FILE STDERR-FILE: write FILE
# (through FILE.tmp, so a crash never leaves half a result).  A missing
# STDOUT-FILE or STDERR-FILE gives an empty section.
result_write() {
	{
		echo "exit: $2"
		echo "seconds: $3"
		echo "mode: $4"
		echo "--- stdout ---"
		[ -f "$5" ] && cat "$5"
		echo "--- stderr ---"
		[ -f "$6" ] && cat "$6"
	} >"$1.tmp" && mv -f "$1.tmp" "$1"
}

# result_expect DIR NAME...: add NAMEs to DIR/expected.
result_expect() {
	_rd=$1
	shift
	mkdir -p "$_rd" && touch "$_rd/expected" || return 1
	[ $# -gt 0 ] || return 0
	printf '%s\n' "$@" >>"$_rd/expected"
}
