# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# judge.sh - how test/vm/run.sh judges a boot's results directory, kept
# apart so that tools/test-vm-judge.sh can feed it fake results without
# booting.  Bash; sourced.  The caller sets npass=0 nfail=0 problems=().

ok() { npass=$((npass + 1)); echo "  PASS $*"; }
bad() { nfail=$((nfail + 1)); echo "  FAIL $*"; }
problem() { problems+=("$*"); echo "  FAIL $*"; }
indent() { sed -e 's/\r$//' -e 's/^/    | /' | head -n "${1:-40}"; }

# A failed test's output: its "not ok"/FAIL lines, then the tails.
show_failure() {
	local out err
	out=$(sed -n '/^--- stdout ---$/,/^--- stderr ---$/p' "$1" | sed '1d;$d')
	err=$(sed '1,/^--- stderr ---$/d' "$1")
	grep -E '^not ok|FAIL' <<<"$out" | indent 20 || true
	if [ -n "$out" ]; then
		echo "    stdout (last lines):"
		tail -n 20 <<<"$out" | indent 20
	fi
	if [ -n "$err" ]; then
		echo "    stderr (last lines):"
		tail -n 20 <<<"$err" | indent 20
	fi
}

# vm_judge_results RESDIR TESTDIR HOOK MISSING: judge RESDIR/*.result
# (test/vm/result.sh's format).  Expected: a result for every TESTDIR/*.t,
# one for the hook (hook.BASENAME, when HOOK is not empty) and one for
# every name listed in RESDIR/expected, which a hook must write (test/d's
# runner and hook.host.t list what they will run before running it).
# Each result passes with exit 0, skips with 77 and fails otherwise; with
# MISSING=1 each expected name without a result fails (0: the tests never
# ran, e.g. insmod failed, which is reported elsewhere).  Prints a PASS,
# SKIP or FAIL line per result and the accounting line
#   results: E expected (T tests, H hook, L listed), F found, M missing
vm_judge_results() {
	local rdir=$1 testdir=$2 hook=$3 missing=$4
	local t r n rc s ntests=0 nhook=0 nlisted=0 nfound=0 nmiss=0
	local -A expect=()
	for t in "$testdir"/*.t; do
		[ -e "$t" ] || continue
		expect[$(basename "$t")]=1
		ntests=$((ntests + 1))
	done
	if [ -n "$hook" ]; then
		expect[hook.$(basename "$hook")]=1
		nhook=1
		[ -f "$rdir/expected" ] ||
			bad "hook.$(basename "$hook"): no list of the results it would write ($rdir/expected)"
	fi
	if [ -f "$rdir/expected" ]; then
		while IFS= read -r n; do
			[ -n "$n" ] && [ -z "${expect[$n]:-}" ] || continue
			expect[$n]=1
			nlisted=$((nlisted + 1))
		done <"$rdir/expected"
	fi
	for r in "$rdir"/*.result; do
		[ -e "$r" ] || continue
		n=$(basename "$r" .result)
		[ -n "${expect[$n]:-}" ] && nfound=$((nfound + 1))
		unset "expect[$n]"
		rc=$(sed -n 's/^exit: //p' "$r" | head -n1)
		s=$(sed -n 's/^seconds: //p' "$r" | head -n1)
		case $rc in
		0) ok "$n (${s:-?} s)" ;;
		77) echo "  SKIP $n" ;;
		*)
			[ "$rc" = 124 ] && rc="timeout"
			bad "$n (exit ${rc:-?}, ${s:-?} s)"
			show_failure "$r"
			;;
		esac
	done
	nmiss=${#expect[@]}
	if [ "$missing" = 1 ]; then
		while IFS= read -r n; do
			[ -n "$n" ] && bad "$n (no result)"
		done < <(printf '%s\n' "${!expect[@]}" | LC_ALL=C sort)
	fi
	echo "  results: $((ntests + nhook + nlisted)) expected ($ntests tests, $nhook hook, $nlisted listed), $nfound found, $nmiss missing"
}
