#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# test-compiler-run.sh - proves test/compiler/run.sh fails when it must:
# stand-ins for dtrace and test-cg (COMPILER_TEST_DTRACE, COMPILER_TEST_CG)
# on a small test tree (COMPILER_TEST_ROOT) that exit 1 for a tst.*,
# segfault, exit 2 with the right tag for an err.*, report a sanitizer
# error, or (test-cg) exit non-zero after "N passed, 0 failed"; and a
# compiler that cannot build dtrace (never test a stale binary).  The
# well-behaved stand-ins must pass, so the failures are the runner's
# verdicts, not a broken fixture.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

mkdir -p "$tmp/root/err" "$tmp/root/tst" "$tmp/root/dis"
echo 'BEGIN { trace(nosuch); }' >"$tmp/root/err/err.D_IDENT_UNDEF.x.d"
echo 'BEGIN { trace(1); }' >"$tmp/root/tst/tst.one.d"
echo 'BEGIN { trace(1); }' >"$tmp/root/dis/one.d"
echo 'ret' >"$tmp/root/dis/one.dis"
: >"$tmp/root/xfail"

# fake dtrace: behaviour chosen by $FAKE; the several-programs step (5)
# and the no-BTF step (6) of run.sh are answered as the real dtrace does.
cat >"$tmp/dtrace" <<'EOS'
#!/bin/sh
if [ -n "${DTRACE_BTF_DIR:-}" ]; then
	why="kernel type information (BTF) is not available: $DTRACE_BTF_DIR/vmlinux: No such file or directory"
	case "$*" in
	*"curthread->pid"*) echo "dtrace: [D_SYM_NOTYPES] curthread has no type: $why"; exit 1 ;;
	*"struct file"*) echo "dtrace: [D_OP_INCOMPLETE] operator -> cannot be applied to a forward declaration: no struct file definition is available ($why)"; exit 1 ;;
	*TASK_COMM_LEN*) echo "dtrace: [D_IDENT_UNDEF] failed to resolve TASK_COMM_LEN: Unknown variable name"; exit 1 ;;
	*curpsinfo*) echo "dtrace: [D_IDENT_UNDEF] failed to resolve curpsinfo: Unknown variable name"; exit 1 ;;
	esac
	exit 0
fi
case "$*" in
*-xerrtags*) kind=err ;;
*" -S "*) kind=dis ;;
*" -Z "*) kind=tst ;;
*) # step 5: several programs
   case "$*" in
   *"trace(y)"*) echo "dtrace: invalid probe specifier END { trace(y); }: failed to resolve y"; exit 1 ;;
   *"END { trace(x); }' -n"*|*"-n END { trace(x); } -n"*) echo "dtrace: invalid probe specifier END { trace(x); }: failed to resolve x"; exit 1 ;;
   *b.d*) echo "dtrace: failed to compile script b.d: line 5: failed to resolve zz"; exit 1 ;;
   *"-s a.d -s c.d"*) exit 0 ;;
   *c.d*) echo "dtrace: failed to compile script c.d: line 1: struct p"; exit 1 ;;
   esac
   exit 0 ;;
esac
case $FAKE-$kind in
tst-exit1-tst) echo "dtrace: failed to set option"; exit 1 ;;
segv-tst) kill -SEGV $$ ;;
err-exit2-err) echo "dtrace: [D_IDENT_UNDEF] failed to resolve nosuch"; exit 2 ;;
err-segv-err) echo "dtrace: [D_IDENT_UNDEF] failed to resolve nosuch"; kill -SEGV $$ ;;
asan-tst) echo "==1==ERROR: AddressSanitizer: heap-buffer-overflow" >&2; exit 0 ;;
dis-exit1-dis) echo "ret"; exit 1 ;;
*-err) echo "dtrace: [D_IDENT_UNDEF] failed to resolve nosuch"; exit 1 ;;
*-dis) echo "ret"; exit 0 ;;
*) exit 0 ;;
esac
EOS
cat >"$tmp/test-cg" <<'EOS'
#!/bin/sh
case $FAKE in
cg-exit1) echo "5 passed, 0 failed"; exit 1 ;;
cg-segv) echo "3 passed, 0 failed"; kill -SEGV $$ ;;
cg-nosum) exit 0 ;;
esac
echo "5 passed, 0 failed"
EOS
chmod +x "$tmp/dtrace" "$tmp/test-cg"

expect() {	# pass|fail NAME PATTERN ENV...: run run.sh with the stand-ins
	want=$1 name=$2 pat=$3
	shift 3
	if env COMPILER_TEST_ROOT="$tmp/root" COMPILER_TEST_DTRACE="$tmp/dtrace" \
		COMPILER_TEST_CG="$tmp/test-cg" OUT="$tmp/out" "$@" \
		"$src/test/compiler/run.sh" >"$tmp/log" 2>&1; then
		got=pass
	else
		got=fail
	fi
	if [ "$got" = "$want" ] && { [ -z "$pat" ] || grep -qE -- "$pat" "$tmp/log"; }; then
		echo "PASS $name (run.sh: $got)"; pass=$((pass + 1))
	else
		echo "FAIL $name: run.sh should $want${pat:+ showing /$pat/}:"
		sed 's/^/    | /' "$tmp/log" | tail -n 20
		fail=$((fail + 1))
	fi
}
expect pass good-stand-ins '^[1-9][0-9]* passed, 0 failed' FAKE=good
expect fail tst-exit-1 'FAIL .*tst.one.d: exit 1' FAKE=tst-exit1
expect fail tst-segfault 'tst.one.d: exit 139 \(signal 11\)' FAKE=segv
expect fail tst-sanitizer 'tst.one.d' FAKE=asan
expect fail err-exit-2-with-tag 'err.D_IDENT_UNDEF.x.d: want exit 1' FAKE=err-exit2
expect fail err-segfault-with-tag 'err.D_IDENT_UNDEF.x.d: want exit 1' FAKE=err-segv
expect fail dis-exit-1 'one.d: dtrace -S: exit 1' FAKE=dis-exit1
expect fail test-cg-exit-1 'test-cg .*exit 1 after' FAKE=cg-exit1
expect fail test-cg-segfault 'test-cg .*signal 11' FAKE=cg-segv
expect fail test-cg-no-summary "no 'N passed" FAKE=cg-nosum
# An empty test tree is not a pass.
mkdir -p "$tmp/empty"
expect fail empty-tree 'no err.D_' FAKE=good COMPILER_TEST_ROOT="$tmp/empty"
# A build of dtrace that fails ends the run, even with an old binary there.
cat >"$tmp/cc" <<'EOS'
#!/bin/sh
for a; do case $a in */dtrace) echo "cc: refusing to build dtrace" >&2; exit 1 ;; esac; done
exec gcc "$@"
EOS
chmod +x "$tmp/cc"
mkdir -p "$tmp/out" && cp "$tmp/dtrace" "$tmp/out/dtrace"
if env OUT="$tmp/out" CC="$tmp/cc" "$src/test/compiler/run.sh" >"$tmp/log" 2>&1; then
	echo "FAIL dtrace-build-fails: run.sh passed"; sed 's/^/    | /' "$tmp/log" | tail; fail=$((fail + 1))
elif grep -q 'build of dtrace failed' "$tmp/log" && [ ! -e "$tmp/out/dtrace" ]; then
	echo "PASS dtrace-build-fails (run.sh: fail, stale binary removed)"; pass=$((pass + 1))
else
	echo "FAIL dtrace-build-fails: wrong failure:"; sed 's/^/    | /' "$tmp/log" | tail; fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
