#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-ioctl-fuzz.sh - host-side checks of the ioctl fuzzer
# (test/ioctl-fuzz), no module needed: its generator self-test (--dry)
# passes; findings fail the run (--selftest-findings all provokes each
# kind through the fuzzer's own code and must exit 1 with four findings,
# "none" makes the same calls right and must pass); the saved reproducer
# blobs (test/ioctl-fuzz/repro/*.bin) are what the built-in cases build.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
bin=$src/out/ioctl-fuzz/dtrace-ioctl-fuzz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
make -s -C "$src" ioctl-fuzz >"$tmp/build" 2>&1 ||
	{ cat "$tmp/build"; echo "0 passed, 1 failed"; exit 1; }
res() {	# NAME OK(0|1) WHY
	if [ "$2" = 1 ]; then
		echo "PASS $1"; pass=$((pass + 1))
	else
		echo "FAIL $1: $3"; sed 's/^/    | /' "$tmp/out" | tail -n 15; fail=$((fail + 1))
	fi
}
"$bin" --dry >"$tmp/out" 2>&1
rc=$?
res "dry run (generator self-test)" "$([ $rc = 0 ] && grep -q '^ok - dry run' "$tmp/out" && echo 1)" "exit $rc"
"$bin" --selftest-findings all >"$tmp/out" 2>&1
rc=$?
res "findings fail the run" "$([ $rc = 1 ] && grep -q '^not ok .*no findings' "$tmp/out" &&
	grep -q '^not ok .*valid unmutated enabling accepted' "$tmp/out" &&
	grep -q 'findings 4$' "$tmp/out" && echo 1)" "exit $rc, want 1 with 4 findings"
"$bin" --selftest-findings none >"$tmp/out" 2>&1
rc=$?
res "no findings, no failure" "$([ $rc = 0 ] && grep -q 'findings 0$' "$tmp/out" && echo 1)" "exit $rc, want 0"
n=0
for name in $("$bin" --list | cut -d' ' -f1); do
	n=$((n + 1))
	"$bin" --repro "$name" --save "$tmp/$name.bin" >"$tmp/out" 2>&1
	res "repro $name: saved blob up to date" \
		"$(cmp -s "$tmp/$name.bin" "$src/test/ioctl-fuzz/repro/$name.bin" && echo 1)" \
		"test/ioctl-fuzz/repro/$name.bin differs from --repro $name --save"
done
res "reproducers listed" "$([ $n -gt 0 ] && echo 1)" "--list gives none"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
