#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test/compiler/run.sh - host tests of the D compiler (tools/dtrace).
#
#   test/compiler/run.sh [-v]
#
# 1. test-cg: compiles D programs with dt_compile() and runs the DIF
#    through the module's own validator and emulator (gen/4xx on the
#    test/unit shim), plus error tags and record layouts;
# 2. every *.d under test/compiler/err: compile-only, the expected tag is
#    in the name (err.D_TAG.name.d), checked with -xerrtags;
# 3. every tst.*.d under test/compiler/tst and test/d: must compile (except
#    those listed in test/compiler/xfail: features the ABI lacks, which
#    must keep failing until removed from the list), and all of its DIF
#    objects must pass the module's validator;
# 4. -S disassembly sanity (test/compiler/dis/*.d with *.dis: lines that
#    must appear in the disassembly).
# Ends with "N passed, N failed"; exit status 0 when nothing failed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$top/out/compiler-test}
verbose=${1:-}
mkdir -p "$out"
CC=${CC:-gcc}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CFLAGS="-std=gnu11 -O1 -g -Wall -Wextra $SAN"
pass=0
fail=0
xf=0

note() { [ "$verbose" = -v ] && echo "$@"; return 0; }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Build the compiler objects and the dtrace binary (compile-only use).
objs=
for f in dt_lex dt_parse dt_type dt_cg dt_compile dt_dis; do
	$CC $CFLAGS -I"$top" -c -o "$out/$f.o" "$top/tools/dtrace/$f.c" ||
		{ echo "build of $f.c failed"; echo "0 passed, 1 failed"; exit 1; }
	objs="$objs $out/$f.o"
done
$CC $CFLAGS -Wno-unused-parameter -Wno-sign-compare -Wno-unused-function \
	-Wno-missing-field-initializers -Wno-unused-variable -I"$top" -I"$top/test/unit" \
	-o "$out/test-cg" "$top/test/compiler/test-cg.c" $objs -lpthread ||
	{ echo "build of test-cg failed"; echo "0 passed, 1 failed"; exit 1; }
if [ -f "$top/tools/dtrace/dtrace.c" ]; then
	$CC $CFLAGS -I"$top" -I"$top/tools/dtrace" -o "$out/dtrace" \
		"$top"/tools/dtrace/*.c 2>"$out/dtrace.build" ||
		{ echo "build of dtrace failed (see $out/dtrace.build)"; }
fi
export ASAN_OPTIONS=detect_leaks=1

# 1. unit tests of code generation
res=$("$out/test-cg" 2>&1)
rc=$?
printf '%s\n' "$res" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
sum=$(printf '%s\n' "$res" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' | tail -n1)
if [ -n "$sum" ]; then
	pass=$((pass + ${sum% *})); fail=$((fail + ${sum#* }))
fi
[ $rc -ne 0 ] && [ -z "$sum" -o "${sum#* }" = 0 ] && bad "test-cg exit $rc"

D="$out/dtrace"
# the consumer side is not under test here: no leak reports from it
DASAN="detect_leaks=0"
if [ -x "$D" ]; then
	# 2. error tags
	for f in "$top"/test/compiler/err/err.D_*.d; do
		[ -f "$f" ] || continue
		tag=$(basename "$f" | sed 's/^err\.\(D_[A-Z0-9_]*\)\..*/\1/')
		msg=$(ASAN_OPTIONS=$DASAN "$D" -e -xerrtags -s "$f" 2>&1)
		rc=$?
		if [ $rc -ne 0 ] && printf '%s' "$msg" | grep -q "\[$tag\]"; then
			pass=$((pass + 1)); note "ok $f"
		else
			bad "$f: want [$tag], got: $msg"
		fi
	done
	# 3. programs that must compile
	files=$(find "$top/test/compiler/tst" "$top/test/d" -name 'tst.*.d' 2>/dev/null | sort)
	for f in $files; do
		[ -f "$f" ] || continue		# removed while we ran
		opts=$(sed -n 's/.*@@runtest-opts:\(.*\)/\1/p' "$f" | head -n1)
		msg=$(cd "$(dirname "$f")" && ASAN_OPTIONS=$DASAN "$D" -e -Z -s "$f" $opts 2>&1 </dev/null)
		rel=${f#$top/}
		xfail=$(grep -v '^#' "$top/test/compiler/xfail" 2>/dev/null |
			awk -v f="$rel" '$1 == f { print; exit }')
		if printf '%s' "$msg" | grep -q "failed to compile\|invalid probe"; then
			if [ -n "$xfail" ]; then
				xf=$((xf + 1)); note "xfail $rel"
			else
				bad "$f: $msg"
			fi
		elif [ -n "$xfail" ]; then
			bad "$rel compiles now: remove it from test/compiler/xfail"
		else
			pass=$((pass + 1)); note "ok $f"
		fi
	done
	res=$("$out/test-cg" $files 2>&1)
	printf '%s\n' "$res" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
	sum=$(printf '%s\n' "$res" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' | tail -n1)
	[ -n "$sum" ] && { pass=$((pass + ${sum% *})); fail=$((fail + ${sum#* })); }
	# 4. disassembly
	for f in "$top"/test/compiler/dis/*.d; do
		[ -f "$f" ] || continue
		exp="${f%.d}.dis"
		dis=$(ASAN_OPTIONS=$DASAN "$D" -e -S -s "$f" 2>&1)
		ok=1
		while IFS= read -r line; do
			[ -z "$line" ] && continue
			printf '%s\n' "$dis" | grep -qF -- "$line" || {
				bad "$f: disassembly lacks: $line"; ok=0; }
		done < "$exp"
		[ $ok = 1 ] && { pass=$((pass + 1)); note "ok $f"; }
	done
	# 5. several programs (-n/-s ...): each sees what earlier ones
	# declared, as in DTrace; errors keep their program's line numbers
	multi() {	# WANT(0|1) PATTERN ARGS...: exit status and output
		local want=$1 pat=$2 msg rc
		shift 2
		msg=$(cd "$tmp" && ASAN_OPTIONS=$DASAN "$D" -e "$@" 2>&1 </dev/null)
		rc=$?
		if [ $rc -eq "$want" ] && { [ -z "$pat" ] ||
		    printf '%s' "$msg" | grep -q -- "$pat"; }; then
			pass=$((pass + 1)); note "ok several programs: $*"
		else
			bad "several programs: dtrace -e $*: exit $rc, want $want and /$pat/: $msg"
		fi
	}
	tmp=$(mktemp -d)
	printf '#!/usr/sbin/dtrace -s\nstruct p { int a; };\nint x;\nBEGIN { x = 1; @a = count(); }\n' >"$tmp/a.d"
	printf '#!/usr/sbin/dtrace -s\n\nEND\n{\n\ttrace(zz);\n}\n' >"$tmp/b.d"
	printf 'struct p q;\nEND\n{\n\tq.a = x;\n\tprinta(@a);\n}\n' >"$tmp/c.d"
	multi 0 '' -n 'BEGIN { x = 1; @a = count(); }' -n 'END { trace(x); printa(@a); }'
	multi 1 "invalid probe specifier END { trace(y); }: .*failed to resolve y" \
		-n 'BEGIN { x = 1; }' -n 'END { trace(y); }'
	multi 1 "invalid probe specifier END { trace(x); }: .*failed to resolve x" \
		-n 'END { trace(x); }' -n 'BEGIN { x = 1; }'
	multi 1 "failed to compile script b.d: line 5: failed to resolve zz" \
		-s a.d -s b.d
	multi 1 "failed to compile script b.d: line 5: failed to resolve zz" \
		-C -s a.d -s b.d
	multi 0 '' -s a.d -s c.d
	multi 1 "failed to compile script c.d: line 1: .*struct p" -s c.d
	rm -rf "$tmp"
else
	bad "no dtrace binary to test with"
fi
[ $xf -gt 0 ] && echo "($xf known-unsupported programs in test/compiler/xfail did not compile, as expected)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
