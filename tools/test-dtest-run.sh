#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# test-dtest-run.sh - proves the D test runner (test/dtest/run.sh) fails
# when it must, with a stand-in dtrace: an empty directory, a missing one,
# a tst.* whose dtrace exits 1 or crashes or prints other output, an err.*
# that exits 0 or 2 or lacks its tag; and that the results it leaves
# (RESULTS=DIR: DIR/expected, then one NAME.result per test) are judged by
# the VM host (test/vm/judge.sh) as complete, and as failing once one
# result is missing.  The good stand-in must pass.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/test/vm/result.sh"
. "$src/test/vm/judge.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tpass=0 tfail=0

# stand-in dtrace: runs in the test's directory as dtrace [-xerrtags] [-e]
# -s NAME.d; NAME.d's first line says what to do
cat >"$tmp/dtrace" <<'EOS'
#!/bin/sh
for a; do f=$a; case $a in *.d) break ;; esac; done
read -r what <"$f"
case $what in
ok) echo 42 ;;
exit1) echo "dtrace: failed" >&2; exit 1 ;;
segv) kill -SEGV $$ ;;
wrong) echo 43 ;;
tag) echo "dtrace: [D_SYNTAX] syntax error" >&2; exit 1 ;;
notag) echo "dtrace: syntax error" >&2; exit 1 ;;
tag2) echo "dtrace: [D_SYNTAX] syntax error" >&2; exit 2 ;;
esac
exit 0
EOS
chmod +x "$tmp/dtrace"

# mk DIR FILE WHAT [EXPECTED-STDOUT]: a test file (and its .r)
mk() {
	mkdir -p "$1"
	echo "$3" >"$1/$2"
	[ $# -ge 4 ] && echo "$4" >"$1/${2%.d}.r"
	return 0
}
# expect pass|fail NAME PATTERN ARGS...: run run.sh with the stand-in
expect() {
	local want=$1 name=$2 pat=$3 got
	shift 3
	if DTEST_NODEV_OK=1 "$src/test/dtest/run.sh" -b "$tmp/dtrace" "$@" \
		>"$tmp/log" 2>&1; then got=pass; else got=fail; fi
	if [ "$got" = "$want" ] && grep -qE -- "$pat" "$tmp/log"; then
		echo "PASS $name (run.sh: $got, $(tail -n1 "$tmp/log"))"; tpass=$((tpass + 1))
	else
		echo "FAIL $name: run.sh should $want with /$pat/:"
		sed 's/^/    | /' "$tmp/log" | tail -n 20
		tfail=$((tfail + 1))
	fi
}

g=$tmp/good
mk "$g/a" tst.one.d ok 42
mk "$g/a" tst.two.d ok
mk "$g/b" err.D_SYNTAX.three.d tag
mk "$g/b" err.four.d exit1
expect pass good '^4 passed, 0 failed$' "$g"
expect pass good-host-mode '^3 passed, 0 failed, 1 skipped$' -e "$g"
mkdir -p "$tmp/empty"
expect fail empty-dir 'no tests|0 passed, 1 failed' "$tmp/empty"
expect fail missing-dir 'no such test or directory' "$tmp/nonexistent"
expect fail good-and-empty-dir '4 passed, 1 failed' "$g" "$tmp/empty"
echo ok >"$tmp/notatest.d"
expect fail not-a-test-file 'not a test' "$tmp/notatest.d"
for c in "tst.x.d exit1 tst-exit-1 exit.1" "tst.x.d segv tst-segfault exit.139" \
	"tst.x.d wrong tst-wrong-output output.differs" \
	"err.x.d ok err-exit-0 exit.0" "err.D_SYNTAX.x.d notag err-no-tag no..D_SYNTAX" \
	"err.D_SYNTAX.x.d tag2 err-tag-exit-2 exit.2"; do
	set -- $c
	rm -rf "$tmp/c" && mk "$tmp/c" "$1" "$2" 42
	expect fail "$3" "FAIL $1 \\($4" "$tmp/c"
done

# Results for the VM host: listed first, one per test, judged complete.
rm -rf "$tmp/r"
expect pass results-written '^4 passed, 0 failed$' "$g"
RESULTS=$tmp/r RESULTS_PREFIX=d. DTEST_NODEV_OK=1 \
	"$src/test/dtest/run.sh" -b "$tmp/dtrace" "$g" >"$tmp/log" 2>&1
list=$("$src/test/dtest/run.sh" -l -p d. "$g")
if [ "$(cat "$tmp/r/expected")" = "$list" ] && [ "$(echo "$list" | wc -l)" = 4 ] &&
   [ "$(ls "$tmp/r"/*.result | wc -l)" = 4 ]; then
	echo "PASS results-listed (4 listed with -l and in expected, 4 results)"; tpass=$((tpass + 1))
else
	echo "FAIL results-listed: -l gives:"; echo "$list"; echo "expected:"
	cat "$tmp/r/expected"; ls "$tmp/r"; tfail=$((tfail + 1))
fi
judge() {	# pass|fail NAME PATTERN
	npass=0 nfail=0 problems=()
	vm_judge_results "$tmp/r" "$tmp/empty" "" 1 >"$tmp/jlog" 2>&1
	if [ $nfail = 0 ] && [ $npass -gt 0 ]; then got=pass; else got=fail; fi
	if [ "$got" = "$1" ] && grep -qE -- "$3" "$tmp/jlog"; then
		echo "PASS $2 (judged $got: $(grep '^  results:' "$tmp/jlog" | sed 's/^  //'))"
		tpass=$((tpass + 1))
	else
		echo "FAIL $2: the judge should $1 with /$3/:"; sed 's/^/    | /' "$tmp/jlog"
		tfail=$((tfail + 1))
	fi
}
judge pass results-judged-complete '4 listed\), 4 found, 0 missing'
rm "$tmp/r/d.b.err.four.d.result"
judge fail results-one-missing 'FAIL d.b.err.four.d \(no result\)'
echo "$tpass passed, $tfail failed"
[ $tfail -eq 0 ]
