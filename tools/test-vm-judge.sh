#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-vm-judge.sh - proves the VM host's result judging
# (test/vm/judge.sh, used by test/vm/run.sh) fails when it must, on fake
# results directories, without booting: a test of TESTDIR, the hook or a
# result the hook listed (results/t/expected) without a result; a hook
# that listed nothing; a result that failed or timed out.  A complete set
# must pass, so each failure is the judge's verdict.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/test/vm/result.sh"
. "$src/test/vm/judge.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tpass=0 tfail=0

mkdir -p "$tmp/tests"
for t in module.t chroot.host.t; do
	printf '#!/bin/sh\nexit 0\n' >"$tmp/tests/$t"
	chmod +x "$tmp/tests/$t"
done
hook=$tmp/hook.host.t
printf '#!/bin/sh\nexit 0\n' >"$hook"
: >"$tmp/empty"

# fixture NAME...: a fresh results dir with a passing result per NAME
fixture() {
	rm -rf "$tmp/r" && mkdir -p "$tmp/r"
	for n; do
		result_write "$tmp/r/$n.result" 0 1 chroot "$tmp/empty" "$tmp/empty"
	done
}
all=(module.t chroot.host.t hook.hook.host.t consumer.basic d.lang.tst.a.d d.lang.err.b.d)
listed=(consumer.basic d.lang.tst.a.d d.lang.err.b.d)

# expect pass|fail NAME PATTERN HOOK MISSING: judge $tmp/r
expect() {
	local want=$1 name=$2 pat=$3 h=$4 m=$5 got
	npass=0 nfail=0 problems=()
	vm_judge_results "$tmp/r" "$tmp/tests" "$h" "$m" >"$tmp/log" 2>&1
	if [ $nfail = 0 ] && [ $npass -gt 0 ]; then got=pass; else got=fail; fi
	if [ "$got" = "$want" ] && grep -qE -- "$pat" "$tmp/log"; then
		echo "PASS $name (judged $got: $(grep '^  results:' "$tmp/log" | sed 's/^  //'))"
		tpass=$((tpass + 1))
	else
		echo "FAIL $name: the judge should $want with /$pat/:"
		sed 's/^/    | /' "$tmp/log"
		tfail=$((tfail + 1))
	fi
}

fixture "${all[@]}"
result_expect "$tmp/r" "${listed[@]}"
expect pass complete 'results: 6 expected \(2 tests, 1 hook, 3 listed\), 6 found, 0 missing' "$hook" 1

# listed twice (the hook, then the D runner) counts once
result_expect "$tmp/r" d.lang.tst.a.d d.lang.err.b.d
expect pass listed-twice 'results: 6 expected .* 6 found, 0 missing' "$hook" 1

rm "$tmp/r/d.lang.err.b.d.result"
expect fail listed-result-missing 'FAIL d.lang.err.b.d \(no result\)' "$hook" 1

fixture "${all[@]}"
result_expect "$tmp/r" "${listed[@]}" d.lang.tst.never_ran.d
expect fail listed-never-ran 'FAIL d.lang.tst.never_ran.d \(no result\).*|1 missing' "$hook" 1

fixture chroot.host.t hook.hook.host.t consumer.basic d.lang.tst.a.d d.lang.err.b.d
result_expect "$tmp/r" "${listed[@]}"
expect fail test-missing 'FAIL module.t \(no result\)' "$hook" 1

fixture module.t chroot.host.t consumer.basic d.lang.tst.a.d d.lang.err.b.d
result_expect "$tmp/r" "${listed[@]}"
expect fail hook-result-missing 'FAIL hook.hook.host.t \(no result\)' "$hook" 1

fixture "${all[@]}"
expect fail hook-listed-nothing 'no list of the results' "$hook" 1

fixture "${all[@]}"
result_expect "$tmp/r" "${listed[@]}"
result_write "$tmp/r/d.lang.tst.a.d.result" 1 3 dtest "$tmp/empty" "$tmp/empty"
expect fail result-failed 'FAIL d.lang.tst.a.d \(exit 1' "$hook" 1
result_write "$tmp/r/d.lang.tst.a.d.result" 124 60 dtest "$tmp/empty" "$tmp/empty"
expect fail result-timed-out 'FAIL d.lang.tst.a.d \(exit timeout' "$hook" 1
printf 'garbage\n' >"$tmp/r/d.lang.tst.a.d.result"
expect fail result-without-exit-line 'FAIL d.lang.tst.a.d \(exit \?' "$hook" 1

# no hook: the tests of TESTDIR, and a list if a test wrote one (make dtest)
fixture module.t chroot.host.t
expect pass no-hook 'results: 2 expected \(2 tests, 0 hook, 0 listed\)' "" 1
fixture module.t chroot.host.t
result_expect "$tmp/r" d.x.tst.y.d
expect fail no-hook-listed-missing 'FAIL d.x.tst.y.d \(no result\)' "" 1

# insmod failed (MISSING=0): missing results are not the judge's to fail
fixture
expect fail nothing-ran-insmod-failed 'results: 3 expected .* 0 found, 3 missing' "$hook" 0

# an empty results dir with results expected
fixture
result_expect "$tmp/r" "${listed[@]}"
expect fail empty-results 'FAIL module.t \(no result\)' "$hook" 1

echo "$tpass passed, $tfail failed"
[ $tfail -eq 0 ]
