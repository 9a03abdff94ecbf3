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
# 3. every tst.*.d under test/compiler/tst must compile (except those
#    listed in test/compiler/xfail: features the ABI lacks, which must keep
#    failing until removed from the list); the tst.*.d of test/d are
#    compiled by `make dtest-host` (dtrace -e, exit status and tags) and
#    run in the VM, not here;
#    the DIF objects of every tst.*.d under test/compiler/tst and test/d
#    must pass the module's validator (test-cg FILES...);
# 4. -S disassembly sanity (test/compiler/dis/*.d with *.dis: lines that
#    must appear in the disassembly);
# 5. several programs in one dtrace(1);
# 6. kernel types without BTF (DTRACE_BTF_DIR=an empty directory), and the
#    D library's files that depend on them skipped;
# 7. typed args[] of sdt and syscall probes (the host's BTF, and syscall
#    trace event formats in a stand-in tracefs: DTRACE_TRACEFS_DIR);
# 8. modules' BTF (Debian's 6.1 vmlinux and modules' .BTF sections):
#    module functions' and tracepoints' args[], scoped type names.
# dtrace's exit status is checked everywhere: a tst.* must exit 0, an err.*
# exactly 1 (with its tag); a sanitizer report, a crash or any other
# status fails the test.  A build that fails fails the run (no stale
# binary is tested).
# Ends with "N passed, N failed"; exit status 0 when nothing failed.
#
# Self-test hooks (tools/test-compiler-run.sh): COMPILER_TEST_DTRACE and
# COMPILER_TEST_CG name stand-ins for dtrace and test-cg (nothing is built
# when both are given); COMPILER_TEST_ROOT=DIR takes err/, tst/, dis/ and
# xfail from DIR instead of test/compiler, and no tst.*.d from test/d nor
# the kernel-type steps 7 and 8.
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
# A sanitizer report exits with 98, never 1 (an err.* test's status).
export ASAN_OPTIONS=detect_leaks=1:exitcode=98
export UBSAN_OPTIONS=print_stacktrace=1:exitcode=98
# the consumer side is not under test here: no leak reports from it
DASAN="detect_leaks=0:exitcode=98"
# sane OUTPUT: no sanitizer report in it
sane() { ! printf '%s' "$1" | grep -qE 'Sanitizer|runtime error:'; }
# why RC: what an exit status means, for messages
why() {
	if [ "$1" = 98 ]; then
		echo "exit 98 (sanitizer report)"
	elif [ "$1" -gt 128 ]; then
		echo "exit $1 (signal $(($1 - 128)))"
	else
		echo "exit $1"
	fi
}

croot=${COMPILER_TEST_ROOT:-$top/test/compiler}
D=${COMPILER_TEST_DTRACE:-$out/dtrace}
CG=${COMPILER_TEST_CG:-$out/test-cg}
if [ -z "${COMPILER_TEST_DTRACE:-}" ] || [ -z "${COMPILER_TEST_CG:-}" ]; then
	# Build the compiler objects, test-cg and the dtrace binary
	# (compile-only use).  Any failure ends the run: never a stale binary.
	rm -f "$out/test-cg" "$out/dtrace"
	objs=
	for f in dt_lex dt_parse dt_type dt_btf dt_kbtf dt_cg dt_compile dt_dis dt_options dt_pdesc dt_xlate dt_lib; do
		$CC $CFLAGS -I"$top" -c -o "$out/$f.o" "$top/tools/dtrace/$f.c" ||
			{ echo "build of $f.c failed"; echo "0 passed, 1 failed"; exit 1; }
		objs="$objs $out/$f.o"
	done
	$CC $CFLAGS -Wno-unused-parameter -Wno-sign-compare -Wno-unused-function \
		-Wno-missing-field-initializers -Wno-unused-variable -I"$top" -I"$top/test/unit" \
		-o "$out/test-cg" "$top/test/compiler/test-cg.c" $objs -lpthread -lbpf ||
		{ echo "build of test-cg failed"; echo "0 passed, 1 failed"; exit 1; }
	libs=$(make -s --no-print-directory -C "$top" cmd-libs) || libs=
	$CC $CFLAGS -I"$top" -I"$top/tools/dtrace" -o "$out/dtrace" \
		"$top"/tools/dtrace/*.c $libs 2>"$out/dtrace.build" || {
		cat "$out/dtrace.build"
		echo "build of dtrace failed (see $out/dtrace.build)"
		echo "0 passed, 1 failed"
		exit 1
	}
fi
for b in "$D" "$CG"; do
	[ -x "$b" ] || { echo "no binary $b"; echo "0 passed, 1 failed"; exit 1; }
done

# cg_pass WHAT ARGS...: run test-cg; add its "N passed, N failed" to ours.
# Its exit status must agree: 0 with no failure, a crash or a sanitizer
# report (no summary, or a summary then a non-zero status) fails.
cg_pass() {
	local what=$1 res rc sum
	shift
	res=$("$CG" "$@" 2>&1)
	rc=$?
	printf '%s\n' "$res" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
	sum=$(printf '%s\n' "$res" | sed -n -E 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' | tail -n1)
	if [ -z "$sum" ]; then
		bad "test-cg ($what): $(why $rc), no 'N passed, N failed' line"
		return
	fi
	pass=$((pass + ${sum% *})); fail=$((fail + ${sum#* }))
	if [ "${sum% *}" = 0 ]; then
		bad "test-cg ($what): nothing passed"
	elif [ $rc -ne 0 ] && [ "${sum#* }" = 0 ]; then
		bad "test-cg ($what): $(why $rc) after '${sum% *} passed, 0 failed'"
	elif [ $rc -eq 0 ] && [ "${sum#* }" != 0 ]; then
		bad "test-cg ($what): exit 0 with ${sum#* } failed"
	elif ! sane "$res"; then
		bad "test-cg ($what): sanitizer report"
	fi
}

# 1. unit tests of code generation
cg_pass "unit tests"

# 2. error tags: exit status 1 and the tag
n=0
for f in "$croot"/err/err.D_*.d; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	tag=$(basename "$f" | sed 's/^err\.\(D_[A-Z0-9_]*\)\..*/\1/')
	msg=$(ASAN_OPTIONS=$DASAN "$D" -e -xerrtags -s "$f" 2>&1 </dev/null)
	rc=$?
	if [ $rc -eq 1 ] && sane "$msg" && printf '%s' "$msg" | grep -q "\[$tag\]"; then
		pass=$((pass + 1)); note "ok $f"
	else
		bad "$f: want exit 1 and [$tag], got $(why $rc): $msg"
	fi
done
[ $n -gt 0 ] || bad "no err.D_*.d in $croot/err"

# 3. programs that must compile (exit 0), or keep failing (xfail: exit 1)
n=0
for f in "$croot"/tst/tst.*.d; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	opts=$(sed -n 's/.*@@runtest-opts:\(.*\)/\1/p' "$f" | head -n1)
	msg=$(cd "$(dirname "$f")" && ASAN_OPTIONS=$DASAN "$D" -e -Z -s "$f" $opts 2>&1 </dev/null)
	rc=$?
	rel=${f#"$croot"/}
	xfail=$(grep -v '^#' "$croot/xfail" 2>/dev/null |
		awk -v f="test/compiler/$rel" '$1 == f { print; exit }')
	if ! sane "$msg" || { [ $rc -ne 0 ] && [ $rc -ne 1 ]; }; then
		bad "$f: $(why $rc): $msg"
	elif [ $rc -eq 1 ] && printf '%s' "$msg" | grep -q "failed to compile\|invalid probe"; then
		if [ -n "$xfail" ]; then
			xf=$((xf + 1)); note "xfail $rel"
		else
			bad "$f: $msg"
		fi
	elif [ $rc -ne 0 ]; then
		bad "$f: $(why $rc): $msg"
	elif [ -n "$xfail" ]; then
		bad "test/compiler/$rel compiles now: remove it from test/compiler/xfail"
	else
		pass=$((pass + 1)); note "ok $f"
	fi
done
[ $n -gt 0 ] || bad "no tst.*.d in $croot/tst"
# the module's validator on the DIF of every tst.*.d (test/d too)
files=$(find "$croot/tst" -name 'tst.*.d' | sort)
[ -z "${COMPILER_TEST_ROOT:-}" ] &&
	files="$files $(find "$top/test/d" -name 'tst.*.d' | sort)"
# shellcheck disable=SC2086
cg_pass "validator" $files

# 4. disassembly
n=0
for f in "$croot"/dis/*.d; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	exp="${f%.d}.dis"
	dis=$(ASAN_OPTIONS=$DASAN "$D" -e -S -s "$f" 2>&1 </dev/null)
	rc=$?
	if [ $rc -ne 0 ] || ! sane "$dis"; then
		bad "$f: dtrace -S: $(why $rc): $(printf '%s\n' "$dis" | tail -n 5)"
		continue
	fi
	ok=1
	while IFS= read -r line; do
		[ -z "$line" ] && continue
		printf '%s\n' "$dis" | grep -qF -- "$line" || {
			bad "$f: disassembly lacks: $line"; ok=0; }
	done < "$exp"
	[ $ok = 1 ] && { pass=$((pass + 1)); note "ok $f"; }
done
[ $n -gt 0 ] || bad "no *.d in $croot/dis"

# 5. several programs (-n/-s ...): each sees what earlier ones
# declared, as in DTrace; errors keep their program's line numbers
multi() {	# WANT(0|1) PATTERN ARGS...: exit status and output
	local want=$1 pat=$2 msg rc
	shift 2
	msg=$(cd "$tmp" && ASAN_OPTIONS=$DASAN "$D" -e "$@" 2>&1 </dev/null)
	rc=$?
	if [ $rc -eq "$want" ] && sane "$msg" && { [ -z "$pat" ] ||
	    printf '%s' "$msg" | grep -q -- "$pat"; }; then
		pass=$((pass + 1)); note "ok several programs: $*"
	else
		bad "several programs: dtrace -e $*: $(why $rc), want exit $want and /$pat/: $msg"
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

# 6. no kernel BTF (DTRACE_BTF_DIR names an empty directory): kernel types
# give an error naming the missing file, and D without them still compiles
nobtf() {	# WANT(0|1) PATTERN ARGS...
	local want=$1 pat=$2 msg rc
	shift 2
	mkdir -p "$tmp/nobtf"
	msg=$(DTRACE_BTF_DIR=$tmp/nobtf ASAN_OPTIONS=$DASAN "$D" -e -xerrtags "$@" 2>&1 </dev/null)
	rc=$?
	if [ $rc -eq "$want" ] && sane "$msg" && { [ -z "$pat" ] ||
	    printf '%s' "$msg" | grep -q -- "$pat"; }; then
		pass=$((pass + 1)); note "ok no BTF: $*"
	else
		bad "no BTF: dtrace -e $*: $(why $rc), want exit $want and /$pat/: $msg"
	fi
}
nobtf 1 "\[D_SYM_NOTYPES\] .*curthread has no type: kernel type information (BTF) is not available: $tmp/nobtf/vmlinux: No such file or directory" \
	-n 'BEGIN { trace(curthread->pid); }'
nobtf 1 "\[D_OP_INCOMPLETE\] .*no struct file definition is available (kernel type information (BTF) is not available: $tmp/nobtf/vmlinux" \
	-n 'BEGIN { trace(((struct file *)arg0)->f_flags); }'
nobtf 1 "\[D_IDENT_UNDEF\] .*failed to resolve TASK_COMM_LEN" \
	-n 'BEGIN { trace(TASK_COMM_LEN); }'
nobtf 0 '' -n 'BEGIN { trace(curthread); x = (arg0); exit(0); }'
# the D library: its files that depend on the kernel's types are skipped
# (curpsinfo unknown), the others still read (curcpu)
DTRACE_LIBDIR=$top/tools/dtrace/lib nobtf 1 "\[D_IDENT_UNDEF\] .*failed to resolve curpsinfo" \
	-n 'BEGIN { trace(curpsinfo->pr_pid); }'
DTRACE_LIBDIR=$top/tools/dtrace/lib nobtf 0 '' -n 'BEGIN { trace(curcpu->cpu_id); }'
nobtf 0 '' -n 'sdt:sched::sched_switch { trace(args[1]); }' \
	-n 'syscall::openat:entry { trace(args[1]); }'

# 7. typed args[] of sdt probes (the tracepoint's prototype in the host's
# BTF: sched_switch(bool preempt, struct task_struct *prev, struct
# task_struct *next, unsigned int prev_state)) and of syscall entry probes
# (a syscall trace event's format, in a stand-in tracefs: openat(int dfd,
# const char *filename, int flags, umode_t mode), execve's const char
# *const * argv)
ev=$tmp/tfs/events/syscalls
mkdir -p "$ev/sys_enter_openat" "$ev/sys_enter_execve"
fmt() {	# NAME FIELD...: a syscall trace event's format file
	local f=$ev/sys_enter_$1/format off=16 a
	shift
	{
		printf 'format:\n\tfield:unsigned short common_type;\toffset:0;\tsize:2;\tsigned:0;\n'
		printf '\tfield:int common_pid;\toffset:4;\tsize:4;\tsigned:1;\n\n'
		printf '\tfield:int __syscall_nr;\toffset:8;\tsize:4;\tsigned:1;\n'
		for a in "$@"; do
			printf '\tfield:%s;\toffset:%d;\tsize:8;\tsigned:0;\n' "$a" $off
			off=$((off + 8))
		done
		printf '\nprint fmt: "..."\n'
	} >"$f"
}
fmt openat 'int dfd' 'const char * filename' 'int flags' 'umode_t mode'
fmt execve 'const char * filename' 'const char *const * argv' \
	'const char *const * envp'
kbtf() {	# WANT(0|1) PATTERN ARGS...
	local want=$1 pat=$2 msg rc
	shift 2
	msg=$(DTRACE_TRACEFS_DIR=$tmp/tfs ASAN_OPTIONS=$DASAN "$D" -e -xerrtags "$@" 2>&1 </dev/null)
	rc=$?
	if [ $rc -eq "$want" ] && sane "$msg" && { [ -z "$pat" ] ||
	    printf '%s' "$msg" | grep -q -- "$pat"; }; then
		pass=$((pass + 1)); note "ok typed args: $*"
	else
		bad "typed args: dtrace -e $*: $(why $rc), want exit $want and /$pat/: $msg"
	fi
}
if [ -n "${COMPILER_TEST_ROOT:-}" ]; then
	:	# the runner's self-test: its stand-in dtrace knows no kernel
elif [ -r /sys/kernel/btf/vmlinux ]; then
	kbtf 0 '' -n 'sdt:sched::sched_switch { trace(args[1]->pid + args[2]->tgid);
	    trace(stringof(args[2]->comm)); trace(args[0] + args[3]); }'
	kbtf 0 '' -n 'sdt:::sched_switch, sdt:sched::sched_switch { trace(args[2]->pid); }'
	kbtf 1 '\[D_ARGS_IDX\] .*index 4 is out of range for sdt:sched::sched_switch args\[ \]' \
		-n 'sdt:sched::sched_switch { trace(args[4]); }'
	kbtf 1 '\[D_TYPE_MEMBER\] .*nosuch is not a member of struct task_struct' \
		-n 'sdt:sched::sched_switch { trace(args[1]->nosuch); }'
	kbtf 1 '\[D_OP_PTR\]' -n 'sdt:sched::sched_switch { trace(args[3]->pid); }'
	# descriptions of different tracepoints: args[] stay int64_t
	kbtf 1 '\[D_OP_PTR\]' \
		-n 'sdt:sched::sched_switch, sdt:sched::sched_wakeup { trace(args[1]->pid); }'
	kbtf 0 '' -n 'syscall::openat:entry { printf("%s %d %d", copyinstr((uintptr_t)args[1]),
	    args[0], args[2] + args[3]); }'
	kbtf 0 '' -n 'syscall::execve:entry { trace(copyinstr((uintptr_t)args[0]));
	    trace(copyinstr((uintptr_t)*(char **)copyin((uintptr_t)args[1], sizeof (args[1][0])))); }'
	kbtf 1 '\[D_ARGS_IDX\] .*index 4 is out of range for syscall::openat:entry args\[ \]' \
		-n 'syscall::openat:entry { trace(args[4]); }'
	kbtf 1 '\[D_OP_SOU\] .*applied to type "char"' -n 'syscall::openat:entry { trace(args[1]->x); }'
	kbtf 1 'cannot dereference non-pointer type' \
		-n 'syscall::openat:entry { trace(*args[3]); }'
	# a return probe, and a call without a format: untyped
	kbtf 0 '' -n 'syscall::openat:return { trace(args[1] + 1); }'
	kbtf 1 '\[D_OP_PTR\]' -n 'syscall::openat:return { trace(args[1]->x); }'
else
	echo "SKIP typed sdt/syscall args[]: no /sys/kernel/btf/vmlinux on this host"
fi

# 8. modules' BTF: Debian's 6.1 kernel's (vmlinux's .BTF from the
# installed image, dummy.ko's, loop.ko's and nbd.ko's .BTF, split on it,
# in a DTRACE_BTF_DIR): typed args[] of a module's function and
# tracepoint, DTrace's scoped type names (struct loop`loop_device)
kv=$(ls /boot/vmlinuz-6.1.*-amd64 2>/dev/null | grep -v cloud | tail -n 1)
km=/lib/modules/${kv#/boot/vmlinuz-}/kernel/drivers
mb=$tmp/modbtf
mkdir -p "$mb"
if [ -z "${COMPILER_TEST_ROOT:-}" ] && [ -n "$kv" ] &&
    command -v objcopy >/dev/null &&
    python3 - "$kv" "$tmp/vmlinux.elf" <<'PY' 2>/dev/null &&
import lzma, sys
d = open(sys.argv[1], 'rb').read()
i = d.find(b'\xfd7zXZ\x00')
while i >= 0:
    try:
        out = lzma.LZMADecompressor().decompress(d[i:])
        if out[:4] == b'\x7fELF':
            open(sys.argv[2], 'wb').write(out)
            sys.exit(0)
    except lzma.LZMAError:
        pass
    i = d.find(b'\xfd7zXZ\x00', i + 1)
sys.exit(1)
PY
    objcopy --dump-section .BTF="$mb/vmlinux" "$tmp/vmlinux.elf" /dev/null &&
    objcopy --dump-section .BTF="$mb/dummy" "$km/net/dummy.ko" /dev/null &&
    objcopy --dump-section .BTF="$mb/loop" "$km/block/loop.ko" /dev/null &&
    objcopy --dump-section .BTF="$mb/nbd" "$km/block/nbd.ko" /dev/null; then
	rm -f "$tmp/vmlinux.elf"
	modbtf() {	# WANT(0|1) PATTERN ARGS...
		local want=$1 pat=$2 msg rc
		shift 2
		msg=$(DTRACE_BTF_DIR=$mb ASAN_OPTIONS=$DASAN "$D" -e -xerrtags "$@" 2>&1 </dev/null)
		rc=$?
		if [ $rc -eq "$want" ] && sane "$msg" && { [ -z "$pat" ] ||
		    printf '%s' "$msg" | grep -q -- "$pat"; }; then
			pass=$((pass + 1)); note "ok modules' BTF: $*"
		else
			bad "modules' BTF: dtrace -e $*: $(why $rc), want exit $want and /$pat/: $msg"
		fi
	}
	# dummy_get_stats64(struct net_device *, struct rtnl_link_stats64 *)
	modbtf 0 '' -n 'fbt:dummy:dummy_get_stats64:entry { trace(args[0]->ifindex);
	    trace(args[1]->rx_packets); }'
	modbtf 1 '\[D_ARGS_IDX\] .*index 2 is out of range for fbt:dummy:dummy_get_stats64:entry' \
		-n 'fbt:dummy:dummy_get_stats64:entry { trace(args[2]); }'
	# without the module named, vmlinux's BTF only: untyped
	modbtf 1 '\[D_OP_PTR\]' -n 'fbt::dummy_get_stats64:entry { trace(args[0]->ifindex); }'
	# nbd_send_request(struct nbd_request *, int, struct request *)
	modbtf 0 '' -n 'sdt:nbd::nbd_send_request { trace(args[2]->tag + args[1]); }'
	modbtf 1 '\[D_ARGS_IDX\]' -n 'sdt:nbd::nbd_send_request { trace(args[3]); }'
	modbtf 0 '' -n 'BEGIN { trace(offsetof(struct loop`loop_device, lo_number));
	    trace(sizeof (struct dummy`net_device) == sizeof (struct net_device));
	    trace(sizeof (vmlinux`pid_t)); trace((loop`u32)1); }'
	modbtf 1 '\[D_SIZEOF_TYPE\]' -n 'BEGIN { trace(sizeof (struct loop_device)); }'
	modbtf 1 '\[D_SIZEOF_TYPE\]' -n 'BEGIN { trace(sizeof (struct vmlinux`loop_device)); }'
	modbtf 1 '\[D_SIZEOF_TYPE\]' -n 'BEGIN { trace(sizeof (struct nosuchmod`net_device)); }'
	# once loop's BTF is read, its types are found unscoped too
	modbtf 0 '' -n 'BEGIN { trace(sizeof (struct loop`loop_device));
	    trace(sizeof (struct loop_device)); }'
elif [ -z "${COMPILER_TEST_ROOT:-}" ]; then
	echo "SKIP modules' BTF: no Debian 6.1 image and modules (dummy, loop, nbd) here"
fi
rm -rf "$tmp"

[ $xf -gt 0 ] && echo "($xf known-unsupported programs in test/compiler/xfail did not compile, as expected)"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
