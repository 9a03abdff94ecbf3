#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [-e] [-v] [-b DTRACE] [-t SECONDS] DIR|FILE...
# run.sh -l [-p PREFIX] DIR|FILE...
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
# -l  list the result names the run would produce (PREFIXNAME, see
#     RESULTS below), one a line, and run nothing
# -p  the prefix of result names (default $RESULTS_PREFIX)
#
# Output: "PASS|FAIL|SKIP NAME" per test, then "N passed, N failed[, N
# skipped]".  Exit status 0 when nothing failed, 1 otherwise, 2 on usage
# errors.  No test found, or fewer verdicts than tests found, fails.  With
# RESULTS=DIR, the names of all tests found are first added to
# DIR/expected, then each test leaves DIR/PREFIXNAME.result (PREFIX from
# -p or RESULTS_PREFIX, '/' in NAME turned into '.'), both written by
# test/vm/result.sh (the VM harness's format).
# DTRACE_LIBDIR: the D library directory dtrace(1) reads (default: this
# tree's tools/dtrace/lib).
# DTEST_NODEV_OK=1 skips the /dev/dtrace check (to exercise the runner
# itself with a stand-in binary).
set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

. "$repo/test/vm/result.sh"

# The D library (curpsinfo, ...) of this tree, not an installed one.
export DTRACE_LIBDIR=${DTRACE_LIBDIR-$repo/tools/dtrace/lib}

hostmode=0 verbose=0 dtrace=${DTRACE:-$repo/out/cmd/dtrace} deftmo=20 list=0
prefix=${RESULTS_PREFIX:-}
while getopts "elp:vb:t:h" c; do
	case $c in
	e) hostmode=1 ;;
	l) list=1 ;;
	p) prefix=$OPTARG ;;
	v) verbose=1 ;;
	b) dtrace=$OPTARG ;;
	t) deftmo=$OPTARG ;;
	*) sed -n '3,/^set -u/p' "$0" | sed -e '/^set -u/d' -e 's/^# \{0,1\}//' >&2
	   exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || set -- "$repo/test/d"

# The tests: ROOTS[i] and FILES[i]; NAMES[i] is the result name.
roots=() files=() names=() nbad=0
add_test() {	# ROOT FILE
	local name=${2#"$1"/}
	[ "$name" = "$2" ] && name=${2##*/}
	roots+=("$1") files+=("$2") names+=("$prefix${name//\//.}")
}
for arg in "$@"; do
	if [ -f "$arg" ]; then
		case ${arg##*/} in
		tst.*.d|err.*.d) ;;
		*) echo "run.sh: not a test (tst.*.d or err.*.d): $arg" >&2
		   nbad=$((nbad + 1)); continue ;;
		esac
		d=$(cd "$(dirname "$arg")" && pwd)
		add_test "$d" "$d/${arg##*/}"
	elif [ -d "$arg" ]; then
		root=$(cd "$arg" && pwd)
		n=${#files[@]}
		while IFS= read -r f; do
			add_test "$root" "$f"
		done < <(find "$root" -type f \( -name 'tst.*.d' -o -name 'err.*.d' \) |
			LC_ALL=C sort)
		if [ ${#files[@]} = "$n" ]; then
			echo "run.sh: no tests (tst.*.d, err.*.d) in $arg" >&2
			nbad=$((nbad + 1))
		fi
	else
		echo "run.sh: no such test or directory: $arg" >&2
		nbad=$((nbad + 1))
	fi
done
if [ $list = 1 ]; then
	[ ${#names[@]} = 0 ] || printf '%s\n' "${names[@]}"
	[ $nbad = 0 ]
	exit
fi

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

npass=0 nfail=0 nskip=0 nverdicts=0
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

# result NAME VERDICT RC SECONDS DETAIL: report one test (its result
# file: $rname).
result() {
	local name=$1 verdict=$2 rc=$3 secs=$4 detail=$5
	nverdicts=$((nverdicts + 1))
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
		local x=1
		case $verdict in PASS) x=0 ;; SKIP) x=77 ;; esac
		[ "$verdict" = FAIL ] && [ "$rc" = 124 ] && x=124
		{
			echo "$verdict $name: $detail (dtrace exit $rc)"
			[ "$verdict" = FAIL ] && head -n 200 "$tmp/why"
		} >"$tmp/rout" 2>/dev/null
		head -n 50 "$tmp/err" >"$tmp/rerr" 2>/dev/null
		result_write "$RESULTS/$rname.result" "$x" "$secs" dtest \
			"$tmp/rout" "$tmp/rerr"
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

if [ -n "${RESULTS:-}" ]; then
	result_expect "$RESULTS" "${names[@]}" ||
		{ echo "run.sh: cannot write $RESULTS/expected" >&2; exit 2; }
fi
for i in "${!files[@]}"; do
	rname=${names[$i]}
	run_test "${roots[$i]}" "${files[$i]}"
done
nfail=$((nfail + nbad))

# Every test found must have had its verdict.
if [ "$nverdicts" != ${#files[@]} ]; then
	echo "FAIL ${#files[@]} tests found, $nverdicts verdicts"
	nfail=$((nfail + 1))
fi
if [ ${#files[@]} = 0 ]; then
	echo "FAIL no tests found"
	[ $nfail -gt 0 ] || nfail=1
fi
summary="$npass passed, $nfail failed"
[ $nskip -gt 0 ] && summary="$summary, $nskip skipped"
echo "$summary"
[ $nfail = 0 ]
