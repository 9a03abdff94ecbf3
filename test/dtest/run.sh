#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [-e] [-v] [-b DTRACE] [-t SECONDS] DIR|FILE...
#
# Run D tests written in DTrace's test-suite convention:
#
#   tst.NAME.d        must exit 0 (or N with @@status: N); if tst.NAME.r
#                     exists, stdout must equal it
#   err.NAME.d        must exit 1 (compile-time or run-time failure)
#   err.D_TAG.NAME.d  run as dtrace -xerrtags -s ...; must exit 1 and stderr must
#                     contain "[D_TAG]"
#
# An expected-output file NAME.r (NAME without .d) holds the exact stdout.
# If it contains a line "-- @@stderr --", what follows that line is compared
# with stderr too (stdout, the marker line, then stderr).  An executable or
# shell script NAME.r.p, if present, filters that combined output before the
# comparison (to mask CPU numbers, addresses, pids...).
#
# Tags inside the script (anywhere, usually in the header comment):
#   @@runtest-opts: OPTS   more arguments: dtrace -s NAME.d OPTS
#   @@timeout: N           seconds (default 20, or -t)
#   @@status: N            (tst.* only) the expected exit status instead of 0
#   @@compile-error        (err.* without a tag) fails at compile time, so
#                          -e mode can decide it
#   @@no-host              -e mode cannot decide it (needs the module, e.g.
#                          probe matching): skipped with -e
#   @@skip: REASON         never run (reported as SKIP)
#
# Tests run in their own directory as `dtrace -s NAME.d OPTS`, so messages
# name the script without a path.
#
# -e  host compile-only mode (no /dev/dtrace needed): every tst.* is
#     compiled with `dtrace -e` and must exit 0; every err.D_TAG.* (D tags
#     are compiler errors) and every err.* marked @@compile-error is
#     compiled with `dtrace -e` and must exit 1 (and show its tag).
# -v  show the diff / stderr of failing tests
# -b  the dtrace binary (default: $DTRACE, else out/cmd/dtrace of this tree)
# -t  default timeout in seconds
#
# Output: "PASS|FAIL|SKIP NAME" per test, then "N passed, N failed[, N
# skipped]".  Exit status 0 when nothing failed, 1 otherwise, 2 on usage
# errors.  With RESULTS=DIR, each test also leaves DIR/PREFIXNAME.result
# (PREFIX from RESULTS_PREFIX, '/' in NAME turned into '.') in the format
# of the VM harness: "exit: N", "seconds: S", "--- stdout ---", ...
# DTEST_NODEV_OK=1 skips the /dev/dtrace check (to exercise the runner
# itself with a stand-in binary).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

hostmode=0 verbose=0 dtrace=${DTRACE:-$repo/out/cmd/dtrace} deftmo=20
while getopts "evb:t:h" c; do
	case $c in
	e) hostmode=1 ;;
	v) verbose=1 ;;
	b) dtrace=$OPTARG ;;
	t) deftmo=$OPTARG ;;
	*) sed -n '3,/^set -u/p' "$0" | sed -e '/^set -u/d' -e 's/^# \{0,1\}//' >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || set -- "$repo/test/d"

case $dtrace in /*) ;; *) dtrace=$(pwd)/$dtrace ;; esac
if [ ! -x "$dtrace" ]; then
	echo "run.sh: no dtrace binary at $dtrace (build it: make cmd)" >&2
	exit 2
fi
if [ $hostmode = 0 ] && [ ! -e /dev/dtrace ] && [ -z "${DTEST_NODEV_OK:-}" ]; then
	echo "run.sh: /dev/dtrace is missing: load dtrace.ko, or use -e" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dtest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

npass=0 nfail=0 nskip=0
failed=()

# tag FILE NAME: the text after "@@NAME:" (up to "*/"), or "" if absent.
# Tags are read with bash builtins only: under QEMU TCG every fork+exec
# costs tens of milliseconds, and a runner that spawns sed and grep for each
# tag spends more time than the tests.  load_tags reads the script once.
script_text=
load_tags() {
	script_text=$(<"$1")
}
# tag FILE NAME: the value of @@NAME: in the loaded script, in REPLY.
tag() {
	local re="@@$2:[[:space:]]*([^
]*)"
	REPLY=
	[[ $script_text =~ $re ]] || return 0
	REPLY=${BASH_REMATCH[1]}
	REPLY=${REPLY%%\*/*}
	REPLY=${REPLY%"${REPLY##*[![:space:]]}"}
}
hastag() {
	local re="@@$2([^A-Za-z0-9_-]|\$)"
	[[ $script_text =~ $re ]]
}

# result NAME VERDICT RC SECONDS DETAIL: report one test.
result() {
	local name=$1 verdict=$2 rc=$3 secs=$4 detail=$5
	case $verdict in
	PASS) npass=$((npass + 1)); echo "PASS $name" ;;
	SKIP) nskip=$((nskip + 1)); echo "SKIP $name ($detail)" ;;
	*)    nfail=$((nfail + 1)); failed+=("$name")
	      echo "FAIL $name ($detail)"
	      if [ $verbose = 1 ] && [ -s "$tmp/why" ]; then
		      sed 's/^/    | /' "$tmp/why" | head -n 60
	      fi ;;
	esac
	if [ -n "${RESULTS:-}" ]; then
		local f
		f="$RESULTS/${RESULTS_PREFIX:-}${name//\//.}.result"
		[ -d "$RESULTS" ] || mkdir -p "$RESULTS"
		{
			case $verdict in
			PASS) echo "exit: 0" ;; SKIP) echo "exit: 77" ;;
			*) if [ "$rc" = 124 ]; then echo "exit: 124"
			   else echo "exit: 1"; fi ;;
			esac
			echo "seconds: $secs"
			echo "mode: dtest"
			echo "--- stdout ---"
			echo "$verdict $name: $detail (dtrace exit $rc)"
			[ "$verdict" = FAIL ] && cat "$tmp/why" 2>/dev/null | head -n 200
			echo "--- stderr ---"
			cat "$tmp/err" 2>/dev/null | head -n 50
		} >"$f"
	fi
}

# run_dtrace DIR TMO ARGS...: run dtrace in DIR; sets rc and secs.
run_dtrace() {
	local dir=$1 tmo=$2 t0
	shift 2
	t0=$SECONDS
	(cd "$dir" && exec timeout -k 5 "$tmo" "$dtrace" "$@" \
		</dev/null >"$tmp/out" 2>"$tmp/err")
	rc=$?
	secs=$((SECONDS - t0))
}

# run_test ROOT FILE
run_test() {
	local root=$1 file=$2 dir base name stem kind etag opts pre tmo skip
	local expect pp detail want
	dir=${file%/*}
	base=${file##*/}
	stem=${base%.d}
	name=${file#"$root"/}
	[ "$name" = "$file" ] && name=$base
	: >"$tmp/why"
	: >"$tmp/err"

	case $base in
	tst.*) kind=tst etag= ;;
	err.D_*) kind=err etag=${base#err.}; etag=${etag%%.*} ;;
	err.*) kind=err etag= ;;
	*) return ;;
	esac

	load_tags "$file"
	tag "$file" skip; skip=$REPLY
	if [ -n "$skip" ]; then
		result "$name" SKIP - 0 "$skip"
		return
	fi
	# shellcheck disable=SC2206
	tag "$file" runtest-opts; opts=($REPLY)
	tag "$file" timeout; tmo=$REPLY
	[ -n "$tmo" ] || tmo=$deftmo
	pre=()
	[ -n "$etag" ] && pre=(-xerrtags)

	if [ $hostmode = 1 ]; then
		if hastag "$file" no-host; then
			result "$name" SKIP - 0 "needs the module"
			return
		fi
		if [ $kind = err ] && [ -z "$etag" ] &&
		   ! hastag "$file" compile-error; then
			result "$name" SKIP - 0 "run-time error"
			return
		fi
		run_dtrace "$dir" "$tmo" "${pre[@]}" -e -s "$base" "${opts[@]}"
	else
		run_dtrace "$dir" "$tmo" "${pre[@]}" -s "$base" "${opts[@]}"
	fi

	if [ $rc = 124 ] || [ $rc = 137 ]; then
		echo "timed out after $tmo s" >"$tmp/why"
		cat "$tmp/err" >>"$tmp/why"
		result "$name" FAIL 124 "$secs" "timeout"
		return
	fi
	want=0
	[ $hostmode = 0 ] && { tag "$file" status; want=$REPLY; }
	[ -n "$want" ] || want=0
	if [ $kind = tst ] && [ "$rc" != "$want" ]; then
		{ echo "exit status $rc, expected $want; stderr:"; cat "$tmp/err"; } >"$tmp/why"
		result "$name" FAIL "$rc" "$secs" "exit $rc"
		return
	fi
	if [ $kind = err ] && [ $rc != 1 ]; then
		{ echo "exit status $rc, expected 1; stderr:"; cat "$tmp/err"; } >"$tmp/why"
		result "$name" FAIL "$rc" "$secs" "exit $rc, expected 1"
		return
	fi
	if [ -n "$etag" ] && ! grep -qF "[$etag]" "$tmp/err"; then
		{ echo "stderr lacks [$etag]:"; cat "$tmp/err"; } >"$tmp/why"
		result "$name" FAIL "$rc" "$secs" "no [$etag]"
		return
	fi
	expect=$dir/$stem.r
	# -e mode has no trace output, but compile error messages are the same
	if [ -f "$expect" ] && { [ $hostmode = 0 ] || [ $kind = err ]; }; then
		local expected_text
		expected_text=$(<"$expect")
		if [[ $'\n'$expected_text$'\n' == *$'\n-- @@stderr --\n'* ]]; then
			cat "$tmp/out" - "$tmp/err" >"$tmp/actual" <<<'-- @@stderr --'
		else
			mv "$tmp/out" "$tmp/actual"
		fi
		pp=$dir/$stem.r.p
		if [ -f "$pp" ]; then
			if [ -x "$pp" ]; then
				(cd "$dir" && "./$stem.r.p") <"$tmp/actual" >"$tmp/pp"
			else
				(cd "$dir" && sh "./$stem.r.p") <"$tmp/actual" >"$tmp/pp"
			fi
			mv "$tmp/pp" "$tmp/actual"
		fi
		if ! cmp -s "$expect" "$tmp/actual"; then
			{
				echo "output differs (- expected, + actual):"
				diff -u "$expect" "$tmp/actual" | tail -n +3
				if ! grep -qx -- '-- @@stderr --' "$expect"; then
					echo "stderr:"
					cat "$tmp/err"
				fi
			} >"$tmp/why"
			result "$name" FAIL "$rc" "$secs" "output differs"
			return
		fi
	fi
	result "$name" PASS "$rc" "$secs" "ok"
}

for arg in "$@"; do
	if [ -f "$arg" ]; then
		run_test "$(cd "$(dirname "$arg")" && pwd)" \
			"$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")"
	elif [ -d "$arg" ]; then
		root=$(cd "$arg" && pwd)
		while IFS= read -r f; do
			run_test "$root" "$f"
		done < <(find "$root" -type f \( -name 'tst.*.d' -o -name 'err.*.d' \) |
			LC_ALL=C sort)
	else
		echo "run.sh: no such test or directory: $arg" >&2
		nfail=$((nfail + 1))
	fi
done

summary="$npass passed, $nfail failed"
[ $nskip -gt 0 ] && summary="$summary, $nskip skipped"
echo "$summary"
[ $nfail = 0 ]
