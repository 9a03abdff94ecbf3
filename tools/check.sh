#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh - everything `make check` runs, in order, each step logged to
# out/check/STEP.log.  A step that prints its own `N passed, N failed`
# contributes those counts; any other step counts as one test.  The last
# line is the total: `N passed, N failed`.
#
# Environment: KERNELS, PLATFORMS (subset of the matrix), FUZZ_TIME
# (seconds of fuzzing, default 60), CHECK_SKIP (space-separated step names),
# VMHOOK (the VM hook, default test/vm/hook-sharded.host.t: the consumer
# VM tests and the D corpus, all of it in the 6.1 native boot and a third
# in each other boot, so every D test runs on two configurations;
# VMHOOK=$PWD/test/vm/hook.host.t runs the whole corpus in every boot;
# VMHOOK=none runs without them; set but empty is an error, never a
# silent skip).
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src" || exit 1
if [ "${VMHOOK+set}" = set ] && [ -z "$VMHOOK" ]; then
	echo "check.sh: VMHOOK is set but empty: name a hook script, or VMHOOK=none to run the VM tests without the consumer tests and the D corpus" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
logdir=$src/out/check
mkdir -p "$logdir"
pass=0 fail=0 failed_steps=
t_start=$(date +%s)

step() {
	local name=$1 t0 rc p f line
	shift
	case " ${CHECK_SKIP:-} " in *" $name "*) echo "== $name: skipped (CHECK_SKIP)"; return 0 ;; esac
	t0=$(date +%s)
	echo "== $name"
	"$@" >"$logdir/$name.log" 2>&1
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logdir/$name.log" | tail -n 1)
	if [ -n "$line" ]; then
		p=${line%% passed*}
		f=${line#*, }; f=${f%% failed*}
		[ $rc -ne 0 ] && [ "$f" -eq 0 ] && f=1
	elif [ $rc -eq 0 ]; then
		p=1 f=0
	else
		p=0 f=1
	fi
	pass=$((pass + p)) fail=$((fail + f))
	grep -E '(PASS|FAIL|passed|failed)' "$logdir/$name.log" | grep -vE '^ok ' | tail -n 12 | sed 's/^/   /'
	if [ $rc -ne 0 ] || [ "$f" -ne 0 ]; then
		failed_steps="$failed_steps $name"
		# the failing tests by name (CI shows only the end of this output)
		grep -E '(^|[^A-Za-z])(FAIL|not ok)([^A-Za-z]|$)' "$logdir/$name.log" |
			grep -vE ': (PASS|FAIL) \(' | head -n 20 | sed 's/^/   ! /'
		tail -n 5 "$logdir/$name.log" | sed 's/^/   | /'
		echo "== $name: FAIL ($p passed, $f failed, $(($(date +%s) - t0)) s; log out/check/$name.log)"
	else
		echo "== $name: PASS ($p passed, $(($(date +%s) - t0)) s)"
	fi
}

kernels=${KERNELS:-$(tools/kernels.sh 6.1 6.12 | tr '\n' ' ')}
export KERNELS="$kernels"
export PLATFORMS=${PLATFORMS:-native xenpv}

step amalgamator tools/test-amalgamate.sh
step check-amalgamation make -s check-amalgamation
step check-kconfig-headers make -s check-kconfig-headers
step unit make -s unit
step fuzz make -s fuzz FUZZ_TIME="${FUZZ_TIME:-60}"
step builds tools/check-builds.sh
# Each runner and static check fed broken input must fail (seconds each).
step check-insns-selftest tools/test-check-insns.sh
step check-symbols-selftest tools/test-check-symbols.sh
step cmd-layering-selftest tools/test-check-cmd-layering.sh
step compiler-run-selftest tools/test-compiler-run.sh
step dtest-run-selftest tools/test-dtest-run.sh
step vm-judge-selftest tools/test-vm-judge.sh
step ioctl-fuzz-selftest tools/test-ioctl-fuzz.sh
# The plain `make check-insns` and `make sparse`, as a developer types them:
# every installed 6.1/6.12 kernel (-cloud- too), the Xen PV build for
# check-insns, both platforms for sparse (tools/matrix.sh).
case " $PLATFORMS " in *" xenpv "*)
	step check-insns make -s check-insns ;;
esac
step sparse make -s sparse
# The configuration the VM tests build (configs/test.config adds the
# dtrace_test provider) under sparse too, for the first kernel.
step sparse-test-config env K="${kernels%% *}" sh -c 'make -s O=out/test-config native_defconfig &&
	make -s O=out/test-config test.config && make -s O=out/test-config KVER="$K" sparse'
step detect-platform tools/test-detect-platform.sh
step install tools/test-install.sh
step dkms tools/check-dkms.sh
step deb tools/test-deb.sh
# The VM package tests' purge check (test/vm/pkg) fed leftovers must fail.
step pkg-purge-selftest tools/test-pkg-purge.sh
step cmd make -s cmd
step compiler test/compiler/run.sh
step consumer make -s cmd-check
step json make -s json-check
step dtest-host make -s dtest-host
step ioctl-build make -s ioctl-test
# One boot per configuration runs the guest tests (test/vm/tests) and,
# through the hook, the consumer VM tests and the D corpus (test/d): the
# sharded hook keeps make check under CI's 60 minutes (the whole corpus in
# all four boots took 68 minutes on 2 cores on 2026-12-03).
step vmcheck env VM_TIMEOUT="${VM_TIMEOUT:-2400}" \
	make -s vmcheck VMHOOK="${VMHOOK:-$src/test/vm/hook-sharded.host.t}"

# The tests that patch kernel text under probe load (textpatch-load,
# sdt's groups part) run in the boots above: every boot uses single-threaded
# TCG (test/vm/run.sh VM_ACCEL; test/vm/xmc/README), so the extra vm-xmc
# boots are no longer part of make check (make vm-xmc still runs them).

# One short boot (6.1 native) whose test calls panic(): the guest must panic
# with DTrace's message naming the probe.
case " $PLATFORMS " in *" native "*)
	step vm-panic make -s vm-panic ;;
esac

echo "== total time $(($(date +%s) - t_start)) s${failed_steps:+; failed steps:$failed_steps}"
# Repeat the names of failed tests last, where a truncated CI log shows them.
for s in $failed_steps; do
	grep -E '(^|[^A-Za-z])(FAIL|not ok)([^A-Za-z]|$)' "$logdir/$s.log" |
		grep -vE ': (PASS|FAIL) \(' | head -n 10 | sed "s/^/!! $s: /"
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
